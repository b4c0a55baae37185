package io.turnout.carts;

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
 * The nightly job of the cart-abandonment use case: the abandoned carts of one business
 * date.
 */
@Configuration(proxyBeanMethods = false)
public class CartAbandonmentJobConfiguration {

	public static final String JOB_NAME = "cart-abandonment";

	@Bean
	Job cartAbandonmentJob(JobRepository jobRepository, Step cartAbandonmentRestateDay) {
		return new JobBuilder(JOB_NAME, jobRepository).start(cartAbandonmentRestateDay).build();
	}

	@Bean
	Step cartAbandonmentRestateDay(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			UseCaseDayTasklet cartAbandonmentDayTasklet) {
		return new StepBuilder("cart-abandonment.restateDay", jobRepository)
			.tasklet(cartAbandonmentDayTasklet, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	UseCaseDayTasklet cartAbandonmentDayTasklet(FindAbandonedCarts findAbandonedCarts,
			@Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
		return new UseCaseDayTasklet(JOB_NAME, businessDate,
				day -> "abandoned carts " + findAbandonedCarts.restate(day));
	}

}
