package io.turnout.jobs;

import java.time.LocalDate;
import java.util.function.Function;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the nightly job of a derived use case: one step that restates one business date.
 */
public class DayJobs {

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	public DayJobs(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
	}

	/**
	 * @param useCase the use case's name, which is the job's name
	 * @param restate restates one day and says what it produced
	 */
	public Job restatingOneDay(String useCase, Function<LocalDate, String> restate) {
		return new JobBuilder(useCase, this.jobRepository)
			.start(new StepBuilder(useCase + ".restateDay", this.jobRepository)
				.tasklet(new UseCaseDayTasklet(useCase, restate), this.transactionManager)
				.build())
			.build();
	}

}
