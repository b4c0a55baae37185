package io.turnout.warehouse.duckdb;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import io.turnout.warehouse.WarehouseException;

/**
 * A second connection to the warehouse, on a thread of its own, that loads rows while the
 * writer's transaction does its other work: DuckDB appends to one table from two
 * transactions at once. Its Appender works on the thread that made it, so every use of
 * this connection runs on that thread.
 *
 * <p>
 * Each load is a transaction of its own, committed as soon as it is done: DuckDB commits
 * one transaction at a time, so a load committed while the writer still works takes its
 * commit off the end of the writer's transaction. Each load comes with its undo, which
 * the writer runs when its own transaction fails after the load was committed.
 */
final class LoadAlongside implements AutoCloseable {

	private final DuckDbWriter loader;

	private final ExecutorService thread = Executors.newSingleThreadExecutor(work -> {
		Thread thread = new Thread(work, "turnout-duckdb-load");
		thread.setDaemon(true);
		return thread;
	});

	private final List<Load> loads = new ArrayList<>();

	LoadAlongside(DuckDbWriter loader) {
		this.loader = loader;
	}

	void start(Consumer<DuckDbWriter> load, Consumer<DuckDbWriter> undo) {
		Future<?> done = this.thread.submit(() -> this.loader.inOneTransaction(() -> {
			load.accept(this.loader);
			return null;
		}));
		this.loads.add(new Load(done, undo));
	}

	/**
	 * Waits for every load of the writer's transaction, and throws the first that failed
	 * (it was rolled back; the others are undone with {@link #committedUndos}).
	 */
	void awaitLoads() {
		RuntimeException first = null;
		for (Load load : this.loads) {
			try {
				load.await();
			}
			catch (RuntimeException ex) {
				first = (first != null) ? first : ex;
			}
		}
		if (first != null) {
			throw first;
		}
		this.loads.clear();
	}

	/** Waits for every load, and hands over the undos of those that were committed. */
	List<Consumer<DuckDbWriter>> committedUndos() {
		List<Consumer<DuckDbWriter>> undos = new ArrayList<>();
		for (Load load : this.loads) {
			try {
				load.await();
				undos.add(load.undo());
			}
			catch (RuntimeException ex) {
				// rolled back by the loader
			}
		}
		this.loads.clear();
		return undos;
	}

	@Override
	public void close() throws SQLException {
		this.thread.shutdown();
		this.loader.close();
	}

	private record Load(Future<?> done, Consumer<DuckDbWriter> undo) {

		void await() {
			try {
				this.done.get();
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw new WarehouseException("Loading rows alongside the transaction failed: " + ex.getCause(),
						ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new WarehouseException("Interrupted while rows were loaded alongside the transaction", ex);
			}
		}

	}

}
