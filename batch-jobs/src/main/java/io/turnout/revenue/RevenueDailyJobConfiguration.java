package io.turnout.revenue;

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
 * The nightly job of the revenue-daily use case: traffic and revenue by channel for one
 * business date.
 */
@Configuration(proxyBeanMethods = false)
public class RevenueDailyJobConfiguration {

	public static final String JOB_NAME = "revenue-daily";

	@Bean
	Job revenueDailyJob(JobRepository jobRepository, Step revenueDailyRestateDay) {
		return new JobBuilder(JOB_NAME, jobRepository).start(revenueDailyRestateDay).build();
	}

	@Bean
	Step revenueDailyRestateDay(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			UseCaseDayTasklet revenueDailyDayTasklet) {
		return new StepBuilder("revenue-daily.restateDay", jobRepository)
			.tasklet(revenueDailyDayTasklet, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	UseCaseDayTasklet revenueDailyDayTasklet(ReportRevenue reportRevenue,
			@Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
		return new UseCaseDayTasklet(JOB_NAME, businessDate, day -> "revenue_daily rows " + reportRevenue.restate(day));
	}

}
