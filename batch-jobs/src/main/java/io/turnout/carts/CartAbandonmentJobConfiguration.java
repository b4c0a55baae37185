package io.turnout.carts;

import io.turnout.jobs.DayJobs;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly job of the cart-abandonment use case: the abandoned carts of one business
 * date.
 */
@Configuration(proxyBeanMethods = false)
public class CartAbandonmentJobConfiguration {

	public static final String JOB_NAME = "cart-abandonment";

	@Bean
	Job cartAbandonmentJob(DayJobs dayJobs, FindAbandonedCarts findAbandonedCarts) {
		return dayJobs.restatingOneDay(JOB_NAME, day -> "abandoned carts " + findAbandonedCarts.restate(day));
	}

}
