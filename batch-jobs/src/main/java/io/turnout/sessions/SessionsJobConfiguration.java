package io.turnout.sessions;

import java.time.LocalDate;

import io.turnout.jobs.UseCaseDayTasklet;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job of the sessions use case: restates the sessions of one business date.
 */
@Configuration(proxyBeanMethods = false)
public class SessionsJobConfiguration {

	public static final String JOB_NAME = "sessions";

	@Bean
	Job sessionsJob(JobRepository jobRepository, Step sessionsRestateDay) {
		return new JobBuilder(JOB_NAME, jobRepository).start(sessionsRestateDay).build();
	}

	@Bean
	Step sessionsRestateDay(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			UseCaseDayTasklet sessionsDayTasklet) {
		return new StepBuilder("sessions.restateDay", jobRepository).tasklet(sessionsDayTasklet, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	UseCaseDayTasklet sessionsDayTasklet(BuildSessions buildSessions,
			@Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
		return new UseCaseDayTasklet(JOB_NAME, businessDate, day -> {
			BuildSessions.DayReport report = buildSessions.restate(day);
			return "activity events " + report.activityEvents() + ", sessions " + report.sessions() + ", orders placed "
					+ report.orders();
		});
	}

}
