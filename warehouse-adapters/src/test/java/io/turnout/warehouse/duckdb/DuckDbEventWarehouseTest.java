package io.turnout.warehouse.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.turnout.events.EventTables;
import io.turnout.events.EventWarehouse;
import io.turnout.events.IngestEvents;
import io.turnout.events.IngestReport;
import io.turnout.events.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class DuckDbEventWarehouseTest {

	@TempDir
	Path home;

	DuckDbDatabase database;

	DuckDbWriter writer;

	IngestEvents events;

	@BeforeEach
	void open() {
		this.database = DuckDbDatabase.open(this.home.resolve("nested/folder/warehouse.duckdb"));
		this.database.migrate();
		this.writer = new DuckDbWriter(this.database);
		this.events = new IngestEvents(new DuckDbEventWarehouse(this.writer));
	}

	@AfterEach
	void close() throws SQLException {
		this.writer.close();
		this.database.close();
	}

	@Test
	void storesEventsLinksOrdersAndFailuresAndReplaysIdempotently() throws SQLException {
		List<String> batch = List.of(order("o1", "m1", "2026-03-01T10:00:00Z", "2026-03-01T10:00:01Z", "12.50"),
				order("o1", "m2", "2026-03-01T09:00:00Z", "2026-03-01T10:00:02Z", "99"),
				order("o1", "m1", "2026-03-01T10:00:00Z", "2026-03-01T10:00:00Z", "12.50"), "not json");
		IngestReport first = this.events.ingest(batch);
		IngestReport replay = this.events.ingest(batch);

		assertThat(first.newEvents()).isEqualTo(2);
		assertThat(first.duplicates()).isEqualTo(1);
		assertThat(first.failed()).isEqualTo(1);
		assertThat(replay.newEvents()).isZero();
		assertThat(replay.duplicates()).isEqualTo(3);
		assertThat(count("marketing.events")).isEqualTo(2);
		assertThat(count("marketing.identity_links")).isEqualTo(2);
		assertThat(count("marketing.failed_events")).isEqualTo(1);
		assertThat(one("SELECT event_id || ' ' || revenue || ' ' || duplicate_events FROM marketing.orders"))
			.isEqualTo("m2 99.0000 1");
		assertThat(one("SELECT strftime(received_at, '%Y-%m-%dT%H:%M:%S') FROM marketing.events WHERE event_id = 'm1'"))
			.isEqualTo("2026-03-01T10:00:00");
	}

	@Test
	void aStoreThatDoesNotTrackDownstreamWritesTheSameRowsAndReportsNoSlicesOrLinks() throws SQLException {
		List<String> batch = List.of(order("o1", "m1", "2026-03-01T10:00:00Z", "2026-03-01T10:00:01Z", "12.50"),
				order("o1", "m2", "2026-03-01T09:00:00Z", "2026-03-01T10:00:02Z", "99"), "not json");
		IngestReport tracked = this.events.ingest(batch);
		String rows = allRows();
		emptyTables();

		IngestReport untracked = this.events.store(batch.stream().map(this.events::validate).toList(),
				IngestEvents.Downstream.NOT_TRACKED);

		assertThat(tracked.changedSince()).isNotEmpty();
		assertThat(tracked.identityLinks()).isNotEmpty();
		assertThat(untracked.changedSince()).isEmpty();
		assertThat(untracked.identityLinks()).isEmpty();
		assertThat(untracked).usingRecursiveComparison()
			.ignoringFields("changedSince", "identityLinks")
			.isEqualTo(tracked);
		assertThat(allRows()).isEqualTo(rows);
	}

	@Test
	void aNightlySizedStoreLoadsHalfItsEventsAlongsideAndWritesTheSameRows() throws SQLException {
		List<String> batch = nightlySizedBatch();
		IngestReport tracked = this.events.ingest(batch);
		String rows = allRows();
		emptyTables();

		IngestReport nightly = this.events.store(batch.stream().map(this.events::validate).toList(),
				IngestEvents.Downstream.NOT_TRACKED);

		assertThat(nightly.newEvents()).isEqualTo(tracked.newEvents()).isGreaterThan(19_000);
		assertThat(nightly.duplicates()).isEqualTo(tracked.duplicates()).isPositive();
		assertThat(count("marketing.events")).isEqualTo(nightly.newEvents());
		assertThat(count("marketing.orders")).isEqualTo(207);
		assertThat(allRows()).isEqualTo(rows);
	}

	@Test
	void aNightlyStoreThatFailsAfterItsLoadAlongsideWasCommittedLeavesNoRow() throws SQLException {
		List<String> batch = nightlySizedBatch();
		DuckDbEventWarehouse warehouse = new DuckDbEventWarehouse(this.writer);
		IngestEvents failingLast = new IngestEvents(new EventWarehouse() {
			/**
			 * Fails the transaction after its last write, once the events loaded
			 * alongside are committed (another connection sees them).
			 */
			@Override
			public <T> T inOneTransaction(Function<EventTables, T> work) {
				return warehouse.inOneTransaction(tables -> {
					work.apply(tables);
					await().atMost(Duration.ofSeconds(10)).until(() -> count("marketing.events") > 0);
					throw new IllegalStateException("the disk is full");
				});
			}
		});
		List<Outcome> outcomes = batch.stream().map(this.events::validate).toList();

		assertThatThrownBy(() -> failingLast.store(outcomes, IngestEvents.Downstream.NOT_TRACKED))
			.hasMessage("the disk is full");

		assertThat(allRows()).isNull();
		IngestReport again = this.events.store(outcomes, IngestEvents.Downstream.NOT_TRACKED);
		assertThat(again.duplicates()).isEqualTo(again.received() - again.failed() - again.newEvents());
		assertThat(count("marketing.events")).isEqualTo(again.newEvents()).isGreaterThan(19_000);
	}

	@Test
	void aSecondProcessIsRefusedWithAClearMessage() throws Exception {
		Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), OpenFromAnotherProcess.class.getName(),
				this.database.file().toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(other.getInputStream().readAllBytes());

		assertThat(other.waitFor()).isEqualTo(1);
		assertThat(output).contains("is open in another process", this.database.file().toString());
	}

	@Test
	void aChangedMigrationThatWasAlreadyAppliedStopsStartUp() throws SQLException {
		try (Connection c = this.database.connect(); Statement s = c.createStatement()) {
			s.execute("UPDATE turnout_schema_history SET checksum = checksum + 1 WHERE version = '1'");
		}

		assertThatThrownBy(this.database::migrate).hasMessageContaining("checksum mismatch").hasMessageContaining("1");
	}

	/**
	 * Pages, one order in 97, a duplicate in 50, a failure: twice the size that loads
	 * alongside.
	 */
	private static List<String> nightlySizedBatch() {
		List<String> batch = new ArrayList<>();
		for (int i = 0; i < 2 * DuckDbEventWarehouse.LOAD_ALONGSIDE_FROM; i++) {
			String user = (i % 3 == 0) ? "\"u" + (i % 700) + "\"" : "null";
			batch.add((i % 97 == 0) ? order("o" + i, "m" + i, "2026-03-01T10:00:00Z", "2026-03-01T10:00:01Z", "5")
					: page("m" + ((i % 50 == 0) ? i - 1 : i), "a" + (i % 900), user));
		}
		batch.add("not json");
		return batch;
	}

	private void emptyTables() {
		this.writer.execute("DELETE FROM marketing.events", "DELETE FROM marketing.identity_links",
				"DELETE FROM marketing.orders", "DELETE FROM marketing.failed_events");
	}

	private String allRows() throws SQLException {
		return one("SELECT string_agg(r, '|' ORDER BY r) FROM ("
				+ "SELECT concat_ws(',', event_id, order_id, revenue, received_at) r FROM marketing.events "
				+ "UNION ALL SELECT concat_ws(',', anonymous_id, user_id, event_id) FROM marketing.identity_links "
				+ "UNION ALL SELECT concat_ws(',', order_id, event_id, revenue, duplicate_events) FROM marketing.orders "
				+ "UNION ALL SELECT concat_ws(',', failure_id, reason) FROM marketing.failed_events)");
	}

	private long count(String table) throws SQLException {
		return Long.parseLong(one("SELECT count(*) FROM " + table));
	}

	private String one(String sql) throws SQLException {
		try (Connection c = this.database.connect();
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static String page(String messageId, String anonymousId, String userId) {
		return """
				{"type":"page","messageId":"%s","anonymousId":"%s","userId":%s,"timestamp":"2026-03-01T11:00:00Z",\
				"receivedAt":"2026-03-01T11:00:01Z","sourceId":"web","properties":{"path":"/p"},\
				"context":{"campaign":{"source":"news","medium":"email"}}}""".formatted(messageId, anonymousId, userId);
	}

	private static String order(String orderId, String messageId, String timestamp, String receivedAt, String revenue) {
		return """
				{"type":"track","event":"Order Completed","messageId":"%s","anonymousId":"a1","userId":"u1",\
				"timestamp":"%s","receivedAt":"%s","sourceId":"web","properties":{"order_id":"%s","revenue":%s}}"""
			.formatted(messageId, timestamp, receivedAt, orderId, revenue);
	}

}
