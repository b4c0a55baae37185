package io.turnout.jobs;

import java.util.List;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What every nightly job needs: its settings and the launcher that runs a day. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BatchJobProperties.class)
public class JobsConfiguration {

	@Bean
	NightlyJobs nightlyJobs(JobOperator jobOperator, List<Job> jobs) {
		return new NightlyJobs(jobOperator, jobs);
	}

}
