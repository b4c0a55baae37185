package io.turnout.revenue;

import io.turnout.jobs.DayJobs;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly job of the revenue-daily use case: traffic and revenue by channel for one
 * business date.
 */
@Configuration(proxyBeanMethods = false)
public class RevenueDailyJobConfiguration {

	public static final String JOB_NAME = "revenue-daily";

	@Bean
	Job revenueDailyJob(DayJobs dayJobs, ReportRevenue reportRevenue) {
		return dayJobs.restatingOneDay(JOB_NAME, day -> "revenue_daily rows " + reportRevenue.restate(day));
	}

}
