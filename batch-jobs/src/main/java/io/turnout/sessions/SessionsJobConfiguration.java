package io.turnout.sessions;

import io.turnout.jobs.DayJobs;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly job of the sessions use case: restates the sessions of one business date.
 */
@Configuration(proxyBeanMethods = false)
public class SessionsJobConfiguration {

	public static final String JOB_NAME = "sessions";

	@Bean
	Job sessionsJob(DayJobs dayJobs, BuildSessions buildSessions) {
		return dayJobs.restatingOneDay(JOB_NAME, day -> {
			BuildSessions.DayReport report = buildSessions.restate(day);
			return "activity events " + report.activityEvents() + ", sessions " + report.sessions() + ", orders placed "
					+ report.orders();
		});
	}

}
