package io.turnout.jobs;

import java.time.LocalDate;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * One business date of a derived use case (sessions, attribution, revenue-daily,
 * cart-abandonment): one call into the domain, which restates the day's slice in one
 * warehouse transaction. A failed run leaves the day as it was; a re-run replaces the
 * same rows.
 */
public class UseCaseDayTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(UseCaseDayTasklet.class);

	private final String useCase;

	private final Function<LocalDate, String> restate;

	/**
	 * @param restate restates one day and says what it produced
	 */
	public UseCaseDayTasklet(String useCase, Function<LocalDate, String> restate) {
		this.useCase = useCase;
		this.restate = restate;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		LocalDate day = contribution.getStepExecution().getJobParameters().getLocalDate(NightlyJobs.BUSINESS_DATE);
		String summary = this.restate.apply(day);
		contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(summary));
		log.info("use case {}, day {}: {}", this.useCase, day, summary);
		return RepeatStatus.FINISHED;
	}

}
