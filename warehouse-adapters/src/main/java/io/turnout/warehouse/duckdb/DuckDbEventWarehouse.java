package io.turnout.warehouse.duckdb;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.turnout.warehouse.TableNames;
import io.turnout.events.EventRow;
import io.turnout.events.EventTables;
import io.turnout.events.EventWarehouse;
import io.turnout.events.FailedEvent;
import io.turnout.events.IdentityLink;
import io.turnout.events.OrderEvent;
import io.turnout.events.OrderRow;
import io.turnout.events.StoredEvent;

/**
 * The events use case's tables in DuckDB.
 *
 * <p>
 * One writer connection, taken by one batch at a time. Rows are bulk-loaded with the
 * DuckDB Appender into connection-private staging tables, then replaced by key with one
 * {@code DELETE ... IN (staged keys)} and one {@code INSERT ... SELECT} per table: the
 * same stage-then-replace shape a cloud warehouse uses, and never row-by-row inserts. New
 * events are appended straight into their tables; a nightly chunk's are appended half on
 * this connection and half on the writer's second one, in parallel
 * ({@link EventTables#insertEventsAlongside}).
 */
public final class DuckDbEventWarehouse implements EventWarehouse {

	/** Fewer events are appended on the writer's connection alone. */
	static final int LOAD_ALONGSIDE_FROM = 10_000;

	private final DuckDbWriter writer;

	private final TableNames tableNames;

	public DuckDbEventWarehouse(DuckDbWriter writer) {
		this(writer, TableNames.batchSide());
	}

	public DuckDbEventWarehouse(DuckDbWriter writer, TableNames tableNames) {
		this.writer = writer;
		this.tableNames = tableNames;
		writer.execute("CREATE TEMP TABLE IF NOT EXISTS stage_keys (k VARCHAR)",
				"CREATE TEMP TABLE IF NOT EXISTS stage_events AS SELECT * FROM marketing.events LIMIT 0",
				"CREATE TEMP TABLE IF NOT EXISTS stage_orders AS SELECT * FROM marketing.orders LIMIT 0",
				"CREATE TEMP TABLE IF NOT EXISTS stage_failed AS SELECT * FROM marketing.failed_events LIMIT 0");
	}

	@Override
	public <T> T inOneTransaction(Function<EventTables, T> work) {
		return this.writer.inOneTransaction(() -> work.apply(new Tables(this.tableNames.resolve())));
	}

	private final class Tables implements EventTables {

		private final TableNames.Resolved names;

		Tables(TableNames.Resolved names) {
			this.names = names;
		}

		@Override
		public Map<String, StoredEvent> storedEvents(Collection<String> eventIds) {
			// Two steps: the probe of the whole table reads three columns; the slices of
			// the
			// few events found (duplicates) are read by id.
			stageKeys(eventIds);
			List<String> found = new ArrayList<>();
			writer.query("SELECT e.event_id FROM " + names.of("events")
					+ " e WHERE e.event_id IN (SELECT k FROM stage_keys)", rs -> {
						while (rs.next()) {
							found.add(rs.getString(1));
						}
					});
			Map<String, StoredEvent> stored = new HashMap<>();
			if (found.isEmpty()) {
				return stored;
			}
			writer.query("SELECT event_id, received_at, order_id, event_date, anonymous_id, user_id FROM "
					+ names.of("events") + " " + "WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", rs -> {
						while (rs.next()) {
							stored.put(rs.getString(1),
									new StoredEvent(rs.getString(1), DuckDbWriter.instant(rs, 2), rs.getString(3),
											rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6)));
						}
					}, found);
			return stored;
		}

		@Override
		public List<IdentityLink> identityLinksOf(Collection<String> anonymousIds) {
			return DuckDbSessionWarehouse.identityLinksOf(writer, this.names, anonymousIds);
		}

		@Override
		public List<OrderEvent> orderEvents(Collection<String> orderIds) {
			stageKeys(orderIds);
			List<OrderEvent> events = new ArrayList<>();
			writer.query("SELECT order_id, event_id, event_time, anonymous_id, user_id, revenue, currency " + "FROM "
					+ names.of("events") + " WHERE event_kind = 'order_completed' "
					+ "AND order_id IN (SELECT k FROM stage_keys)", rs -> {
						while (rs.next()) {
							events.add(new OrderEvent(rs.getString(1), rs.getString(2), DuckDbWriter.instant(rs, 3),
									rs.getString(4), rs.getString(5), rs.getBigDecimal(6), rs.getString(7)));
						}
					});
			return events;
		}

		@Override
		public List<OrderRow> orders(Collection<String> orderIds) {
			stageKeys(orderIds);
			return DuckDbSessionWarehouse.orders(writer,
					names.of("orders") + " WHERE order_id IN (SELECT k FROM stage_keys)");
		}

		@Override
		public void insertEvents(List<EventRow> events) {
			insertEvents(writer, events);
		}

		/**
		 * From {@link DuckDbEventWarehouse#LOAD_ALONGSIDE_FROM} events on, half of them
		 * are appended on the writer's second connection, in a transaction of their own,
		 * while this one appends the other half: DuckDB inserts on one thread per
		 * transaction. If this transaction fails after that one was committed, those
		 * events are deleted again.
		 */
		@Override
		public void insertEventsAlongside(List<EventRow> events) {
			if (events.size() < LOAD_ALONGSIDE_FROM) {
				insertEvents(events);
				return;
			}
			int half = events.size() / 2;
			List<EventRow> second = List.copyOf(events.subList(half, events.size()));
			writer.loadAlongside(loader -> insertEvents(loader, second), undo -> deleteEvents(second));
			insertEvents(writer, events.subList(0, half));
		}

		/** Deletes inserted events and their identity links again. */
		private void deleteEvents(List<EventRow> events) {
			stageKeys(events.stream().map(EventRow::eventId).toList());
			writer.execute("DELETE FROM " + names.of("events") + " WHERE event_id IN (SELECT k FROM stage_keys)",
					"DELETE FROM " + names.of("identity_links") + " WHERE event_id IN (SELECT k FROM stage_keys)");
		}

		/** New ids: appended straight into the tables, no staging copy. */
		private void insertEvents(DuckDbWriter writer, List<EventRow> events) {
			appendEvents(writer, null, this.names.schema(), this.names.table("events"), events);
			List<IdentityLink> links = events.stream()
				.filter(EventRow::linksIdentity)
				.map(EventRow::identityLink)
				.toList();
			writer.append(null, names.schema(), names.table("identity_links"), links, (a, link) -> {
				a.append(link.anonymousId());
				a.append(link.userId());
				DuckDbWriter.append(a, link.eventTime());
				a.append(link.eventId());
			});
		}

		@Override
		public void replaceEvents(List<EventRow> events) {
			stageEvents(events);
			writer.execute(
					"DELETE FROM " + names.of("events") + " WHERE event_id IN (SELECT event_id FROM stage_events)",
					"INSERT INTO " + names.of("events") + " SELECT * FROM stage_events",
					"DELETE FROM " + names.of("identity_links")
							+ " WHERE event_id IN (SELECT event_id FROM stage_events)",
					"INSERT INTO " + names.of("identity_links") + " SELECT anonymous_id, user_id, event_time, event_id "
							+ "FROM stage_events WHERE anonymous_id IS NOT NULL AND user_id IS NOT NULL",
					"DELETE FROM stage_events");
		}

		private void stageEvents(List<EventRow> events) {
			appendEvents(writer, "temp", "main", "stage_events", events);
		}

		private static void appendEvents(DuckDbWriter writer, String catalog, String schema, String table,
				List<EventRow> events) {
			writer.append(catalog, schema, table, events, (a, e) -> {
				a.append(e.eventId());
				a.append(e.eventType());
				a.append(e.eventName());
				a.append(e.eventKind().code());
				DuckDbWriter.append(a, e.eventTime());
				a.append(e.eventDate());
				DuckDbWriter.append(a, e.receivedAt());
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
				DuckDbWriter.append(a, e.revenue());
				a.append(e.currency());
				a.append(e.productId());
				DuckDbWriter.append(a, e.productPrice());
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
			writer.appendTemp("stage_orders", orders, (a, o) -> {
				a.append(o.orderId());
				a.append(o.eventId());
				DuckDbWriter.append(a, o.orderedAt());
				a.append(o.eventDate());
				a.append(o.anonymousId());
				a.append(o.userId());
				a.append(o.customerKey());
				a.append(o.sessionId());
				DuckDbWriter.append(a, o.revenue());
				a.append(o.currency());
				a.append(o.duplicateEvents());
			});
			writer.execute("DELETE FROM " + names.of("orders") + " WHERE order_id IN (SELECT k FROM stage_keys)",
					"INSERT INTO " + names.of("orders") + " SELECT * FROM stage_orders", "DELETE FROM stage_orders");
		}

		@Override
		public void addFailedEvents(List<FailedEvent> failures) {
			writer.appendTemp("stage_failed", failures, (a, f) -> {
				a.append(f.failureId());
				DuckDbWriter.append(a, f.receivedAt());
				a.append(f.sourceId());
				a.append(f.reason().code());
				a.append(f.detail());
				a.append(f.raw());
				a.append(f.eventId());
			});
			writer.execute("INSERT INTO " + names.of("failed_events")
					+ " SELECT DISTINCT ON (failure_id) * FROM stage_failed s " + "WHERE NOT EXISTS (SELECT 1 FROM "
					+ names.of("failed_events") + " f WHERE f.failure_id = s.failure_id)", "DELETE FROM stage_failed");
		}

		private void stageKeys(Collection<String> keys) {
			writer.execute("DELETE FROM stage_keys");
			writer.appendTemp("stage_keys", keys, (a, k) -> a.append(k));
		}

	}

}
