package io.turnout.events;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The events job's reader: reads the lake day on its own thread and validates the lines,
 * block by block, on the validation threads, ahead of the writer, so that reading and
 * validating the next chunk overlap with storing this one.
 *
 * <p>
 * Outcomes come in read order. The restart point saved in the step's execution context is
 * the line of the last outcome handed out, never that of a line read ahead, so a
 * restarted job continues exactly after the last committed chunk. A file that cannot be
 * read fails the step at its position, after every outcome read before it.
 */
public class ValidatedLakeDayReader implements ItemStreamReader<Outcome> {

	private static final int BLOCK_SIZE = 1_000;

	private final LakeDayReader lines;

	private final Function<String, Outcome> validation;

	private final Executor validationThreads;

	private final BlockingQueue<CompletableFuture<Block>> ahead;

	private Thread readingThread;

	private Block current;

	private int next;

	private boolean exhausted;

	private int fileIndex;

	private long lineIndex;

	private volatile double fractionDelivered;

	/**
	 * @param lines the lake day's lines
	 * @param validation maps one line to its outcome; called on the validation threads
	 * @param validationThreads where blocks of lines are validated
	 * @param messagesAhead how many lines may be read and validated ahead of the writer
	 */
	public ValidatedLakeDayReader(LakeDayReader lines, Function<String, Outcome> validation, Executor validationThreads,
			int messagesAhead) {
		this.lines = lines;
		this.validation = validation;
		this.validationThreads = validationThreads;
		this.ahead = new ArrayBlockingQueue<>(Math.max(2, messagesAhead / BLOCK_SIZE));
	}

	@Override
	public void open(ExecutionContext context) {
		this.lines.open(context);
		this.fileIndex = context.getInt(LakeDayReader.FILE_INDEX, 0);
		this.lineIndex = context.getLong(LakeDayReader.LINE_INDEX, 0L);
		this.fractionDelivered = this.lines.fractionRead();
		this.readingThread = new Thread(this::readAhead, "turnout-lake-read");
		this.readingThread.setDaemon(true);
		this.readingThread.start();
	}

	@Override
	public Outcome read() {
		while (this.current == null || this.next == this.current.size) {
			if (this.current != null && this.current.failure != null) {
				// Every outcome read before the failure has been handed out.
				RuntimeException failure = this.current.failure;
				this.current.failure = null;
				this.exhausted = true;
				throw failure;
			}
			if (this.exhausted) {
				return null;
			}
			this.current = take();
			this.next = 0;
			this.exhausted = this.current.last && this.current.failure == null;
			this.fractionDelivered = this.current.fractionRead;
		}
		int i = this.next++;
		this.fileIndex = this.current.fileIndexes[i];
		this.lineIndex = this.current.lineIndexes[i];
		Outcome outcome = this.current.outcomes[i];
		this.current.outcomes[i] = null;
		return outcome;
	}

	@Override
	public void update(ExecutionContext context) {
		context.putInt(LakeDayReader.FILE_INDEX, this.fileIndex);
		context.putLong(LakeDayReader.LINE_INDEX, this.lineIndex);
	}

	@Override
	public void close() {
		if (this.readingThread != null) {
			this.readingThread.interrupt();
			try {
				this.readingThread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.readingThread = null;
		}
		this.ahead.clear();
		this.lines.close();
	}

	/** How far through the partition's bytes the outcomes handed out are, 0 to 1. */
	public double fractionRead() {
		return this.fractionDelivered;
	}

	private Block take() {
		try {
			return this.ahead.take().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ItemStreamException("Interrupted while waiting for the lake day's next lines", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new ItemStreamException("Validating the lake day's lines failed: " + ex.getCause(), ex);
		}
	}

	/** The reading thread: blocks of lines, each validated on the validation threads. */
	private void readAhead() {
		try {
			boolean last = false;
			while (!last) {
				Block block = new Block();
				try {
					String line;
					while (block.size < BLOCK_SIZE && (line = this.lines.read()) != null) {
						block.add(line, this.lines.fileIndex(), this.lines.lineIndex());
					}
					last = block.size < BLOCK_SIZE;
				}
				catch (RuntimeException ex) {
					block.failure = ex;
					last = true;
				}
				block.last = last;
				block.fractionRead = this.lines.fractionRead();
				this.ahead
					.put(CompletableFuture.supplyAsync(() -> block.validate(this.validation), this.validationThreads));
			}
		}
		catch (InterruptedException ex) {
			// Closed before the day was read to its end.
		}
		catch (RuntimeException ex) {
			// The validation threads refused the work: the application is shutting down.
			this.ahead.offer(CompletableFuture.failedFuture(ex));
		}
	}

	/** Lines read together, with the position after each, then their outcomes. */
	private static final class Block {

		private final String[] lines = new String[BLOCK_SIZE];

		private final int[] fileIndexes = new int[BLOCK_SIZE];

		private final long[] lineIndexes = new long[BLOCK_SIZE];

		private Outcome[] outcomes;

		private int size;

		private boolean last;

		private double fractionRead;

		private RuntimeException failure;

		void add(String line, int fileIndex, long lineIndex) {
			this.lines[this.size] = line;
			this.fileIndexes[this.size] = fileIndex;
			this.lineIndexes[this.size] = lineIndex;
			this.size++;
		}

		Block validate(Function<String, Outcome> validation) {
			this.outcomes = new Outcome[this.size];
			for (int i = 0; i < this.size; i++) {
				this.outcomes[i] = validation.apply(this.lines[i]);
				this.lines[i] = null;
			}
			return this;
		}

	}

}
