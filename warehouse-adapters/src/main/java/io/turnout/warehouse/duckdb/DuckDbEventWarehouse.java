package io.turnout.warehouse.duckdb;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import io.turnout.events.EventRow;
import io.turnout.events.EventTables;
import io.turnout.events.EventWarehouse;
import io.turnout.events.FailedEvent;
import io.turnout.events.IdentityLink;
import io.turnout.events.OrderEvent;
import io.turnout.events.OrderRow;
import io.turnout.events.StoredEvent;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The events use case's tables in DuckDB.
 *
 * <p>
 * One writer connection, taken by one batch at a time. Rows are bulk-loaded with the
 * DuckDB Appender into connection-private staging tables, then replaced by key with one
 * {@code DELETE ... IN (staged keys)} and one {@code INSERT ... SELECT} per table: the
 * same stage-then-replace shape a cloud warehouse uses, and never row-by-row inserts.
 */
public final class DuckDbEventWarehouse implements EventWarehouse, AutoCloseable {

	private final ReentrantLock writer = new ReentrantLock(true);

	private final Connection connection;

	public DuckDbEventWarehouse(DuckDbDatabase database) {
		try {
			this.connection = database.connect();
			try (Statement statement = this.connection.createStatement()) {
				statement.execute("CREATE TEMP TABLE stage_keys (k VARCHAR)");
				statement.execute("CREATE TEMP TABLE stage_events AS SELECT * FROM marketing.events LIMIT 0");
				statement.execute("CREATE TEMP TABLE stage_orders AS SELECT * FROM marketing.orders LIMIT 0");
				statement.execute("CREATE TEMP TABLE stage_failed AS SELECT * FROM marketing.failed_events LIMIT 0");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot prepare the DuckDB event tables: " + ex.getMessage(), ex);
		}
	}

	@Override
	public <T> T inOneTransaction(Function<EventTables, T> work) {
		this.writer.lock();
		try {
			this.connection.setAutoCommit(false);
			try {
				T result = work.apply(new Tables());
				this.connection.commit();
				return result;
			}
			catch (RuntimeException | Error ex) {
				this.connection.rollback();
				throw ex;
			}
			finally {
				this.connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			throw new WarehouseException("DuckDB transaction failed: " + ex.getMessage(), ex);
		}
		finally {
			this.writer.unlock();
		}
	}

	@Override
	public void close() throws SQLException {
		this.connection.close();
	}

	private final class Tables implements EventTables {

		@Override
		public Map<String, StoredEvent> storedEvents(Collection<String> eventIds) {
			stageKeys(eventIds);
			Map<String, StoredEvent> stored = new HashMap<>();
			query("SELECT e.event_id, e.received_at, e.order_id FROM marketing.events e "
					+ "WHERE e.event_id IN (SELECT k FROM stage_keys)", rs -> {
						while (rs.next()) {
							stored.put(rs.getString(1),
									new StoredEvent(rs.getString(1), instant(rs, 2), rs.getString(3)));
						}
					});
			return stored;
		}

		@Override
		public List<OrderEvent> orderEvents(Collection<String> orderIds) {
			stageKeys(orderIds);
			List<OrderEvent> events = new ArrayList<>();
			query("SELECT order_id, event_id, event_time, anonymous_id, user_id, revenue, currency "
					+ "FROM marketing.events WHERE event_kind = 'order_completed' "
					+ "AND order_id IN (SELECT k FROM stage_keys)", rs -> {
						while (rs.next()) {
							events.add(new OrderEvent(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getString(4),
									rs.getString(5), rs.getBigDecimal(6), rs.getString(7)));
						}
					});
			return events;
		}

		@Override
		public void insertEvents(List<EventRow> events) {
			// New ids: appended straight into the tables, no staging copy.
			appendEvents(null, "marketing", "events", events);
			List<IdentityLink> links = events.stream()
				.filter(EventRow::linksIdentity)
				.map(EventRow::identityLink)
				.toList();
			append(null, "marketing", "identity_links", links, (a, link) -> {
				a.append(link.anonymousId());
				a.append(link.userId());
				append(a, link.eventTime());
				a.append(link.eventId());
			});
		}

		@Override
		public void replaceEvents(List<EventRow> events) {
			stageEvents(events);
			execute("DELETE FROM marketing.events WHERE event_id IN (SELECT event_id FROM stage_events)",
					"INSERT INTO marketing.events SELECT * FROM stage_events",
					"DELETE FROM marketing.identity_links WHERE event_id IN (SELECT event_id FROM stage_events)",
					"INSERT INTO marketing.identity_links SELECT anonymous_id, user_id, event_time, event_id "
							+ "FROM stage_events WHERE anonymous_id IS NOT NULL AND user_id IS NOT NULL",
					"DELETE FROM stage_events");
		}

		private void stageEvents(List<EventRow> events) {
			appendEvents("temp", "main", "stage_events", events);
		}

		private void appendEvents(String catalog, String schema, String table, List<EventRow> events) {
			append(catalog, schema, table, events, (a, e) -> {
				a.append(e.eventId());
				a.append(e.eventType());
				a.append(e.eventName());
				a.append(e.eventKind().code());
				append(a, e.eventTime());
				a.append(e.eventDate());
				append(a, e.receivedAt());
				a.append(e.anonymousId());
				a.append(e.userId());
				a.append(e.sourceId());
				a.append(e.utmSource());
				a.append(e.utmMedium());
				a.append(e.utmCampaign());
				a.append(e.utmTerm());
				a.append(e.utmContent());
				a.append(e.pageUrl());
				a.append(e.pagePath());
				a.append(e.pageReferrer());
				a.append(e.pageTitle());
				a.append(e.orderId());
				append(a, e.revenue());
				a.append(e.currency());
				a.append(e.productId());
				append(a, e.productPrice());
				a.append(e.productQuantity());
				a.append(e.properties());
				a.append(e.context());
				a.append(e.traits());
				a.append(e.schemaVersion());
			});
		}

		@Override
		public void replaceOrders(Collection<String> orderIds, List<OrderRow> orders) {
			stageKeys(orderIds);
			append("stage_orders", orders, (a, o) -> {
				a.append(o.orderId());
				a.append(o.eventId());
				append(a, o.orderedAt());
				a.append(o.eventDate());
				a.append(o.anonymousId());
				a.append(o.userId());
				a.append(o.customerKey());
				a.append(o.sessionId());
				append(a, o.revenue());
				a.append(o.currency());
				a.append(o.duplicateEvents());
			});
			execute("DELETE FROM marketing.orders WHERE order_id IN (SELECT k FROM stage_keys)",
					"INSERT INTO marketing.orders SELECT * FROM stage_orders", "DELETE FROM stage_orders");
		}

		@Override
		public void addFailedEvents(List<FailedEvent> failures) {
			append("stage_failed", failures, (a, f) -> {
				a.append(f.failureId());
				append(a, f.receivedAt());
				a.append(f.sourceId());
				a.append(f.reason().code());
				a.append(f.detail());
				a.append(f.raw());
				a.append(f.eventId());
			});
			execute("INSERT INTO marketing.failed_events SELECT DISTINCT ON (failure_id) * FROM stage_failed s "
					+ "WHERE NOT EXISTS (SELECT 1 FROM marketing.failed_events f WHERE f.failure_id = s.failure_id)",
					"DELETE FROM stage_failed");
		}

		private void stageKeys(Collection<String> keys) {
			execute("DELETE FROM stage_keys");
			append("stage_keys", keys, (a, k) -> a.append(k));
		}

	}

	private <T> void append(String tempTable, Collection<T> rows, RowWriter<T> writer) {
		append("temp", "main", tempTable, rows, writer);
	}

	private <T> void append(String catalog, String schema, String table, Collection<T> rows, RowWriter<T> writer) {
		if (rows.isEmpty()) {
			return;
		}
		DuckDBConnection duckdb;
		try {
			duckdb = this.connection.unwrap(DuckDBConnection.class);
		}
		catch (SQLException ex) {
			throw new WarehouseException("Not a DuckDB connection: " + ex.getMessage(), ex);
		}
		// A null catalog is the warehouse file's own (named after the file); temp tables
		// live in "temp".
		try (DuckDBAppender appender = (catalog != null) ? duckdb.createAppender(catalog, schema, table)
				: duckdb.createAppender(schema, table)) {
			for (T row : rows) {
				appender.beginRow();
				writer.write(appender, row);
				appender.endRow();
			}
		}
		catch (SQLException ex) {
			throw new WarehouseException("Appending rows to " + table + " failed: " + ex.getMessage(), ex);
		}
	}

	private void execute(String... statements) {
		try (Statement statement = this.connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new WarehouseException("DuckDB statement failed: " + ex.getMessage(), ex);
		}
	}

	private void query(String sql, ResultHandler handler) {
		try (PreparedStatement statement = this.connection.prepareStatement(sql);
				ResultSet rs = statement.executeQuery()) {
			handler.handle(rs);
		}
		catch (SQLException ex) {
			throw new WarehouseException("DuckDB query failed: " + ex.getMessage(), ex);
		}
	}

	private static void append(DuckDBAppender appender, Instant instant) throws SQLException {
		if (instant == null) {
			appender.appendNull();
		}
		else {
			appender.append(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
		}
	}

	private static void append(DuckDBAppender appender, BigDecimal value) throws SQLException {
		if (value == null) {
			appender.appendNull();
		}
		else {
			appender.append(value);
		}
	}

	static Instant instant(ResultSet rs, int column) throws SQLException {
		LocalDateTime time = rs.getObject(column, LocalDateTime.class);
		return (time != null) ? time.toInstant(ZoneOffset.UTC) : null;
	}

	@FunctionalInterface
	private interface RowWriter<T> {

		void write(DuckDBAppender appender, T row) throws SQLException;

	}

	@FunctionalInterface
	private interface ResultHandler {

		void handle(ResultSet rs) throws SQLException;

	}

}
