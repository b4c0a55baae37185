package io.turnout.events;

import java.time.LocalDate;
import java.util.function.Function;

import io.turnout.jobs.NightlyJobs;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The events step's reader: for each run, the lake day of the run's business date, read
 * and validated ahead of the writer by a {@link ValidatedLakeDayReader} made when the
 * step opens it.
 *
 * <p>
 * One instance serves the runs one after the other, as the step it belongs to does.
 * Spring Batch's step scope also makes a reader per run, but reads through a proxy that
 * looks the bean up on every {@code read()}: a third of a second per million messages, on
 * the thread that also stores them.
 */
public class EventsStepReader implements ItemStreamReader<Outcome>, StepExecutionListener {

	private final Function<LocalDate, ValidatedLakeDayReader> readerOfDay;

	private LocalDate day;

	private ValidatedLakeDayReader current;

	public EventsStepReader(Function<LocalDate, ValidatedLakeDayReader> readerOfDay) {
		this.readerOfDay = readerOfDay;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.day = stepExecution.getJobParameters().getLocalDate(NightlyJobs.BUSINESS_DATE);
	}

	@Override
	public void open(ExecutionContext context) {
		if (this.current != null) {
			throw new ItemStreamException(
					"The events step is already running in this process for " + this.day + "; one run at a time.");
		}
		if (this.day == null) {
			throw new ItemStreamException("The events step has no business date: the job parameter '"
					+ NightlyJobs.BUSINESS_DATE + "' is missing.");
		}
		ValidatedLakeDayReader reader = this.readerOfDay.apply(this.day);
		reader.open(context);
		this.current = reader;
	}

	@Override
	public Outcome read() {
		return this.current.read();
	}

	@Override
	public void update(ExecutionContext context) {
		this.current.update(context);
	}

	@Override
	public void close() {
		if (this.current != null) {
			try {
				this.current.close();
			}
			finally {
				this.current = null;
			}
		}
	}

	/**
	 * How far through the day's lake partition the run is, 0 to 1 (1 when not running).
	 */
	public double fractionRead() {
		ValidatedLakeDayReader reader = this.current;
		return (reader != null) ? reader.fractionRead() : 1.0;
	}

}
