package io.turnout.jobs;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import io.micrometer.observation.ObservationPredicate;
import io.turnout.events.LakePartitions;
import io.turnout.lake.LakeLayout;
import io.turnout.usecases.Modes;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/** What every nightly job needs: its settings and the launcher that runs a day. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ BatchJobProperties.class, NightlyScheduleProperties.class })
@EnableScheduling
public class JobsConfiguration {

	private static final Set<String> PER_ITEM_OBSERVATIONS = Set.of("spring.batch.item.read",
			"spring.batch.item.process");

	/**
	 * Validates the lake day's lines, block by block, ahead of the events job's writer;
	 * the reader hands the outcomes out in read order.
	 */
	@Bean(destroyMethod = "shutdown")
	ThreadPoolTaskExecutor validationExecutor(BatchJobProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(properties.validationThreadsOrDefault());
		executor.setMaxPoolSize(properties.validationThreadsOrDefault());
		executor.setThreadNamePrefix("turnout-validate-");
		executor.setDaemon(true);
		executor.initialize();
		return executor;
	}

	/**
	 * Spring Batch observes every item read and processed; at 100k messages a second
	 * those observations cost more than the items. Jobs, steps and chunks are still
	 * observed.
	 */
	@Bean
	ObservationPredicate noPerItemBatchObservations() {
		return (name, context) -> !PER_ITEM_OBSERVATIONS.contains(name);
	}

	@Bean
	@ConditionalOnBooleanProperty("turnout.schedule.enabled")
	NightlySchedule nightlySchedule(NightlyJobs nightlyJobs, Modes modes, NightlyScheduleProperties properties,
			LakeLayout lake) {
		return new NightlySchedule(nightlyJobs::run, modes, Clock.systemUTC(), properties.graceUntil(),
				() -> LakePartitions.firstDay(lake));
	}

	@Bean
	@ConditionalOnBooleanProperty("turnout.schedule.enabled")
	SchedulingConfigurer nightlyScheduleTrigger(NightlySchedule schedule, NightlyScheduleProperties properties) {
		return registrar -> registrar.addFixedDelayTask(schedule::runDue, properties.checkEvery());
	}

	@Bean
	DayJobs dayJobs(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
		return new DayJobs(jobRepository, transactionManager);
	}

	@Bean
	NightlyJobs nightlyJobs(JobOperator jobOperator, JobRepository jobRepository, List<Job> jobs, UseCaseLeases leases,
			ObjectProvider<NightlyJobs.AfterNightlyRun> afterRun) {
		return new NightlyJobs(jobOperator, jobRepository, jobs, leases,
				afterRun.getIfAvailable(() -> (useCase, day) -> {
				}));
	}

	@Bean
	JobRepositoryNightlyHistory nightlyHistory(JdbcTemplate control) {
		return new JobRepositoryNightlyHistory(control);
	}

	@Bean
	UseCaseLeases useCaseLeases(JdbcTemplate control) {
		return new UseCaseLeases(control, Clock.systemUTC());
	}

}
