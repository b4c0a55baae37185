package io.turnout.warehouse.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import io.turnout.warehouse.WarehouseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class DuckDbWriterTest {

	@TempDir
	Path home;

	DuckDbDatabase database;

	DuckDbWriter writer;

	@BeforeEach
	void open() {
		this.database = DuckDbDatabase.open(this.home.resolve("warehouse.duckdb"));
		this.writer = new DuckDbWriter(this.database);
		this.writer.execute("CREATE TABLE rows (v VARCHAR)");
	}

	@AfterEach
	void close() throws SQLException {
		this.writer.close();
		this.database.close();
	}

	@Test
	void rowsLoadedAlongsideAreStoredWithTheTransaction() {
		AtomicReference<String> loadThread = new AtomicReference<>();

		this.writer.inOneTransaction(() -> {
			this.writer.loadAlongside(loader -> {
				loadThread.set(Thread.currentThread().getName());
				append(loader, "alongside", 5_000);
			}, DuckDbWriterTest::deleteAlongside);
			append(this.writer, "writer", 3);
			return null;
		});

		assertThat(loadThread.get()).isEqualTo("turnout-duckdb-load");
		assertThat(count()).isEqualTo(5_003);
	}

	@Test
	void rowsLoadedAlongsideAreDeletedAgainWhenTheTransactionFailsAfterTheirCommit() {
		assertThatThrownBy(() -> this.writer.inOneTransaction(() -> {
			this.writer.loadAlongside(loader -> append(loader, "alongside", 5_000), DuckDbWriterTest::deleteAlongside);
			append(this.writer, "writer", 3);
			awaitSeenByOthers(5_000);
			throw new IllegalStateException("the batch failed");
		})).hasMessage("the batch failed");

		assertThat(count()).isZero();
		storesAgain();
	}

	@Test
	void aLoadThatFailsFailsTheTransactionAndRollsItBack() {
		List<String> undone = new ArrayList<>();

		assertThatThrownBy(() -> this.writer.inOneTransaction(() -> {
			this.writer.loadAlongside(
					loader -> loader.append(null, "main", "no_such_table", List.of("x"), (a, v) -> a.append(v)),
					writer -> undone.add("the failed load"));
			append(this.writer, "writer", 3);
			return null;
		})).isInstanceOf(WarehouseException.class).hasMessageContaining("no_such_table");

		assertThat(count()).isZero();
		assertThat(undone).isEmpty();
		storesAgain();
	}

	@Test
	void rowsAppendedBeforeAnyStatementAreRolledBackWithTheTransaction() {
		assertThatThrownBy(() -> this.writer.inOneTransaction(() -> {
			append(this.writer, "writer", 3);
			throw new IllegalStateException("the batch failed");
		})).hasMessage("the batch failed");

		assertThat(count()).isZero();
	}

	@Test
	void loadsAlongsideAreStartedFromWithinATransaction() {
		assertThatThrownBy(() -> this.writer.loadAlongside(loader -> append(loader, "alongside", 1),
				DuckDbWriterTest::deleteAlongside))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("from within");
	}

	private void storesAgain() {
		this.writer.inOneTransaction(() -> {
			this.writer.loadAlongside(loader -> append(loader, "alongside", 2), DuckDbWriterTest::deleteAlongside);
			append(this.writer, "writer", 1);
			return null;
		});
		assertThat(count()).isEqualTo(3);
	}

	private static void deleteAlongside(DuckDbWriter writer) {
		writer.execute("DELETE FROM rows WHERE v LIKE 'alongside-%'");
	}

	private void awaitSeenByOthers(long rows) {
		await().atMost(Duration.ofSeconds(10)).until(() -> count() == rows);
	}

	private static void append(DuckDbWriter writer, String prefix, int rows) {
		writer.append(null, "main", "rows", IntStream.range(0, rows).mapToObj(i -> prefix + "-" + i).toList(),
				(a, v) -> a.append(v));
	}

	/** What another connection sees. */
	private long count() {
		try (Connection c = this.database.connect();
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT count(*) FROM rows")) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
