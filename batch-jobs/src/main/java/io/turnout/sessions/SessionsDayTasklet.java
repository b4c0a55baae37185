package io.turnout.sessions;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * One business date of the sessions use case: one call into the domain. A day is one
 * warehouse transaction that replaces the day's slice, so a failed run leaves the day as
 * it was and a re-run replaces the same rows.
 */
public class SessionsDayTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(SessionsDayTasklet.class);

	private final BuildSessions sessions;

	private final LocalDate day;

	public SessionsDayTasklet(BuildSessions sessions, LocalDate day) {
		this.sessions = sessions;
		this.day = day;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		BuildSessions.DayReport report = this.sessions.restate(this.day);
		contribution.incrementWriteCount(report.sessions());
		String summary = "activity events " + report.activityEvents() + ", sessions " + report.sessions()
				+ ", orders placed " + report.orders();
		contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(summary));
		log.info("use case sessions, day {}: {}", this.day, summary);
		return RepeatStatus.FINISHED;
	}

}
