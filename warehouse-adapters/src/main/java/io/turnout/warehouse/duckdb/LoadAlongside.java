package io.turnout.warehouse.duckdb;

import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import io.turnout.warehouse.WarehouseException;

/**
 * A second connection to the warehouse, on a thread of its own, that loads rows while the
 * writer's transaction does its other work: DuckDB appends to one table from two
 * transactions at once, and its Appender works on the thread that made it, so every call
 * of this connection runs on that thread.
 *
 * <p>
 * Its transaction begins with the first load of a writer's transaction, is rolled back
 * with it, and is committed just after it ({@link DuckDbWriter#inOneTransaction}).
 */
final class LoadAlongside implements AutoCloseable {

	private final DuckDbWriter loader;

	private final ExecutorService thread = Executors.newSingleThreadExecutor(work -> {
		Thread thread = new Thread(work, "turnout-duckdb-load");
		thread.setDaemon(true);
		return thread;
	});

	private Future<?> loading;

	private boolean inTransaction;

	LoadAlongside(DuckDbWriter loader) {
		this.loader = loader;
	}

	/** Starts a load, after the loads already started in this transaction. */
	void start(Consumer<DuckDbWriter> load) {
		boolean begin = !this.inTransaction;
		this.inTransaction = true;
		this.loading = this.thread.submit(() -> {
			if (begin) {
				this.loader.begin();
			}
			load.accept(this.loader);
		});
	}

	boolean inTransaction() {
		return this.inTransaction;
	}

	/**
	 * Waits for the loads of this transaction; a load that failed is thrown here, and
	 * nothing is committed.
	 */
	void awaitLoads() {
		if (this.loading != null) {
			Future<?> last = this.loading;
			this.loading = null;
			await(() -> last.get());
		}
	}

	void commit() {
		this.inTransaction = false;
		await(() -> this.thread.submit(this.loader::commit).get());
	}

	/** Rolls back what was loaded; a load still running is waited for first. */
	void rollback() {
		this.inTransaction = false;
		Future<?> last = this.loading;
		this.loading = null;
		await(() -> {
			if (last != null) {
				try {
					last.get();
				}
				catch (ExecutionException ignored) {
					// rolled back below
				}
			}
			return this.thread.submit(this.loader::rollback).get();
		});
	}

	private static void await(Callable<?> result) {
		try {
			result.call();
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
			throw new WarehouseException("Interrupted while loading rows alongside the transaction", ex);
		}
		catch (Exception ex) {
			throw new WarehouseException("Loading rows alongside the transaction failed: " + ex, ex);
		}
	}

	@Override
	public void close() throws SQLException {
		this.thread.shutdown();
		this.loader.close();
	}

}
