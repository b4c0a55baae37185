package io.turnout.jobs;

import java.io.Console;
import java.time.Duration;
import java.util.function.DoubleSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Shows a long job's progress: messages read, rate and time left. On a terminal it
 * redraws one line; otherwise it logs a line every ten seconds.
 */
public class JobProgress implements ChunkListener<Object, Object>, StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(JobProgress.class);

	private static final long LOG_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

	private final String useCase;

	private final DoubleSupplier fractionDone;

	private final Console console = System.console();

	private StepExecution stepExecution;

	private long startNanos;

	private long lastLogNanos;

	private long readAtStart;

	public JobProgress(String useCase, DoubleSupplier fractionDone) {
		this.useCase = useCase;
		this.fractionDone = fractionDone;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		this.startNanos = System.nanoTime();
		this.lastLogNanos = this.startNanos;
		this.readAtStart = stepExecution.getReadCount();
	}

	@Override
	public void afterChunk(Chunk<Object> chunk) {
		long now = System.nanoTime();
		if (this.console == null && now - this.lastLogNanos < LOG_EVERY_NANOS) {
			return;
		}
		this.lastLogNanos = now;
		String line = progressLine(now);
		if (this.console != null) {
			this.console.writer().print("\r" + line + "   ");
			this.console.writer().flush();
		}
		else {
			log.info(line);
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (this.console != null) {
			this.console.writer().println("\r" + progressLine(System.nanoTime()) + "   ");
		}
		return null;
	}

	private String progressLine(long now) {
		long read = this.stepExecution.getReadCount();
		double seconds = Math.max(1e-3, (now - this.startNanos) / 1e9);
		double rate = (read - this.readAtStart) / seconds;
		double fraction = this.fractionDone.getAsDouble();
		String left = (fraction > 0.001 && fraction < 1.0)
				? formatDuration(Duration.ofSeconds((long) (seconds * (1 - fraction) / fraction))) : "-";
		return String.format("use case %s, day %s: %,d messages read, %,.0f/s, %.0f%% done, %s left", this.useCase,
				this.stepExecution.getJobParameters().getParameter(NightlyJobs.BUSINESS_DATE).value(), read, rate,
				fraction * 100, left);
	}

	private static String formatDuration(Duration duration) {
		return (duration.toMinutes() > 0) ? duration.toMinutes() + "m" + duration.toSecondsPart() + "s"
				: duration.toSeconds() + "s";
	}

}
