package io.turnout.events;

import io.turnout.jobs.BatchJobProperties;
import io.turnout.jobs.JobProgress;
import io.turnout.lake.LakeLayout;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job of the events use case: reads the lake partition of one business date,
 * validates each line with the domain and stores each chunk with the domain.
 */
@Configuration(proxyBeanMethods = false)
public class EventsJobConfiguration {

	public static final String JOB_NAME = "events";

	@Bean
	Job eventsJob(JobRepository jobRepository, Step eventsIngestLakeDay) {
		return new JobBuilder(JOB_NAME, jobRepository).start(eventsIngestLakeDay).build();
	}

	@Bean
	Step eventsIngestLakeDay(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			EventsStepReader eventsStepReader, EventsWriter eventsWriter, BatchJobProperties properties) {
		return new StepBuilder("events.ingestLakeDay", jobRepository).<Outcome, Outcome>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(eventsStepReader)
			.writer(eventsWriter)
			.listener(eventsStepReader)
			.listener(eventsWriter)
			.listener(new JobProgress("events", eventsStepReader::fractionRead))
			.build();
	}

	/**
	 * Reads and validates up to one chunk ahead of the writer: the next chunk is ready
	 * when this one is stored. A second chunk ahead was slower: every young collection
	 * copied the parsed messages waiting in the queue, and the writer waited for it.
	 */
	@Bean
	EventsStepReader eventsStepReader(LakeLayout lake, IngestEvents ingestEvents,
			ThreadPoolTaskExecutor validationExecutor, BatchJobProperties properties) {
		return new EventsStepReader((day) -> new ValidatedLakeDayReader(new LakeDayReader(lake, day),
				ingestEvents::validate, validationExecutor, properties.chunkSize()));
	}

	@Bean
	@StepScope
	EventsWriter eventsWriter(IngestEvents ingestEvents) {
		return new EventsWriter(ingestEvents);
	}

}
