package io.turnout.attribution;

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
 * The nightly job of the attribution use case: every model's credits for the orders of
 * one business date.
 */
@Configuration(proxyBeanMethods = false)
public class AttributionJobConfiguration {

	public static final String JOB_NAME = "attribution";

	@Bean
	Job attributionJob(JobRepository jobRepository, Step attributionRestateDay) {
		return new JobBuilder(JOB_NAME, jobRepository).start(attributionRestateDay).build();
	}

	@Bean
	Step attributionRestateDay(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			UseCaseDayTasklet attributionDayTasklet) {
		return new StepBuilder("attribution.restateDay", jobRepository)
			.tasklet(attributionDayTasklet, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	UseCaseDayTasklet attributionDayTasklet(AttributeOrders attributeOrders,
			@Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
		return new UseCaseDayTasklet(JOB_NAME, businessDate, day -> {
			AttributeOrders.DayReport report = attributeOrders.restate(day);
			return "orders " + report.orders() + ", attribution rows " + report.rows();
		});
	}

}
