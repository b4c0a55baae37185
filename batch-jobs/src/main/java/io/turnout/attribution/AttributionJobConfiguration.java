package io.turnout.attribution;

import io.turnout.jobs.DayJobs;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly job of the attribution use case: every model's credits for the orders of
 * one business date.
 */
@Configuration(proxyBeanMethods = false)
public class AttributionJobConfiguration {

	public static final String JOB_NAME = "attribution";

	@Bean
	Job attributionJob(DayJobs dayJobs, AttributeOrders attributeOrders) {
		return dayJobs.restatingOneDay(JOB_NAME, day -> {
			AttributeOrders.DayReport report = attributeOrders.restate(day);
			return "orders " + report.orders() + ", attribution rows " + report.rows();
		});
	}

}
