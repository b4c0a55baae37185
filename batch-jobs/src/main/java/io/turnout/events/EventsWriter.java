package io.turnout.events;

import java.util.Map;

import io.turnout.jobs.NightlyJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Stores a chunk of validated messages with the events use case, and keeps the day's
 * counts (new events, duplicates, failures by reason) in the step's execution context so
 * that they survive a restart.
 */
public class EventsWriter implements ItemWriter<Outcome>, StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(EventsWriter.class);

	static final String RECEIVED = "events.received";

	static final String NEW_EVENTS = "events.new";

	static final String DUPLICATES = "events.duplicates";

	static final String FAILED_PREFIX = "events.failed.";

	private final IngestEvents events;

	private StepExecution stepExecution;

	public EventsWriter(IngestEvents events) {
		this.events = events;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
	}

	@Override
	public void write(Chunk<? extends Outcome> chunk) {
		// The derived use cases' nightly jobs read whole days: nothing to restate.
		IngestReport report = this.events.store(chunk.getItems(), IngestEvents.Downstream.NOT_TRACKED);
		ExecutionContext context = this.stepExecution.getExecutionContext();
		add(context, RECEIVED, report.received());
		add(context, NEW_EVENTS, report.newEvents());
		add(context, DUPLICATES, report.duplicates());
		report.failuresByReason().forEach((reason, count) -> add(context, FAILED_PREFIX + reason.code(), count));
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		ExecutionContext context = stepExecution.getExecutionContext();
		StringBuilder failed = new StringBuilder();
		long failedTotal = 0;
		for (Map.Entry<String, Object> entry : context.entrySet()) {
			if (entry.getKey().startsWith(FAILED_PREFIX)) {
				long count = ((Number) entry.getValue()).longValue();
				failedTotal += count;
				failed.append(failed.isEmpty() ? "" : ", ")
					.append(entry.getKey().substring(FAILED_PREFIX.length()))
					.append('=')
					.append(count);
			}
		}
		String summary = "received " + context.getLong(RECEIVED, 0) + ", new events " + context.getLong(NEW_EVENTS, 0)
				+ ", duplicates " + context.getLong(DUPLICATES, 0) + ", failed " + failedTotal
				+ (failed.isEmpty() ? "" : " (" + failed + ")");
		log.info("use case events, day {}: {} [{}]",
				stepExecution.getJobParameters().getParameter(NightlyJobs.BUSINESS_DATE).value(), summary,
				stepExecution.getStatus());
		return stepExecution.getExitStatus().addExitDescription(summary);
	}

	private static void add(ExecutionContext context, String key, long count) {
		context.putLong(key, context.getLong(key, 0L) + count);
	}

}
