package io.turnout.warehouse.sql;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.turnout.events.EventRow;
import io.turnout.events.EventTables;
import io.turnout.events.EventWarehouse;
import io.turnout.events.FailedEvent;
import io.turnout.events.IdentityLink;
import io.turnout.events.OrderEvent;
import io.turnout.events.OrderRow;
import io.turnout.events.StoredEvent;
import io.turnout.warehouse.TableNames;
import io.turnout.warehouse.schema.TableCatalog;
import io.turnout.warehouse.schema.TableSpec;
import io.turnout.warehouse.schema.WarehouseDialect;

/**
 * The events use case's tables in any SQL warehouse: new events and their links loaded
 * straight into their tables in bulk, replaced copies, orders and failures staged and
 * replaced by key with the dialect's statements, stored rows read back with plain SQL.
 */
public final class SqlEventWarehouse implements EventWarehouse {

	static final String KEYS = SqlReads.KEYS;

	private final SqlWarehouse warehouse;

	private final TableNames tableNames;

	private final TableSpec events;

	private final TableSpec links;

	private final TableSpec orders;

	private final TableSpec failed;

	public SqlEventWarehouse(SqlWarehouse warehouse, TableCatalog catalog, TableNames tableNames) {
		this.warehouse = warehouse;
		this.tableNames = tableNames;
		this.events = catalog.table("events");
		this.links = catalog.table("identity_links");
		this.orders = catalog.table("orders");
		this.failed = catalog.table("failed_events");
	}

	@Override
	public <T> T inOneTransaction(Function<EventTables, T> work) {
		return this.warehouse.inOneTransaction(transaction -> work
			.apply(new Tables(transaction, this.warehouse.dialect(), this.tableNames.resolve())));
	}

	private final class Tables implements EventTables {

		private final SqlTransaction sql;

		private final WarehouseDialect dialect;

		private final TableNames.Resolved names;

		Tables(SqlTransaction sql, WarehouseDialect dialect, TableNames.Resolved names) {
			this.sql = sql;
			this.dialect = dialect;
			this.names = names;
		}

		@Override
		public Map<String, StoredEvent> storedEvents(Collection<String> eventIds) {
			stageKeys(eventIds);
			Map<String, StoredEvent> stored = new HashMap<>();
			for (Object[] row : this.sql.query("SELECT event_id, received_at, order_id, event_date, anonymous_id, "
					+ "user_id FROM " + this.names.of("events") + " WHERE event_id IN (SELECT k FROM " + KEYS + ") AND "
					+ this.dialect.everyDay(SqlEventWarehouse.this.events, null))) {
				stored.put((String) row[0], new StoredEvent((String) row[0], instant(row[1]), (String) row[2],
						date(row[3]), (String) row[4], (String) row[5]));
			}
			return stored;
		}

		@Override
		public List<IdentityLink> identityLinksOf(Collection<String> anonymousIds) {
			return SqlReads.identityLinksOf(this.sql, this.dialect, this.names, SqlEventWarehouse.this.links,
					anonymousIds);
		}

		@Override
		public List<OrderEvent> orderEvents(Collection<String> orderIds) {
			stageKeys(orderIds);
			List<OrderEvent> found = new ArrayList<>();
			for (Object[] row : this.sql.query("SELECT order_id, event_id, event_time, anonymous_id, user_id, revenue, "
					+ "currency FROM " + this.names.of("events")
					+ " WHERE event_kind = 'order_completed' AND order_id IN (SELECT k FROM " + KEYS + ") AND "
					+ this.dialect.everyDay(SqlEventWarehouse.this.events, null))) {
				found.add(new OrderEvent((String) row[0], (String) row[1], instant(row[2]), (String) row[3],
						(String) row[4], (BigDecimal) row[5], (String) row[6]));
			}
			return found;
		}

		@Override
		public List<OrderRow> orders(Collection<String> orderIds) {
			stageKeys(orderIds);
			return SqlReads.orders(this.sql, this.names.of("orders"), "order_id IN (SELECT k FROM " + KEYS + ")");
		}

		@Override
		public void insertEvents(List<EventRow> rows) {
			// New ids: loaded straight into their tables, no staging copy.
			this.sql.load(this.names.of("events"), SqlEventWarehouse.this.events,
					rows.stream().map(SqlEventWarehouse::eventValues).toList());
			this.sql.load(this.names.of("identity_links"), SqlEventWarehouse.this.links,
					rows.stream().filter(EventRow::linksIdentity).map(SqlEventWarehouse::linkValues).toList());
		}

		@Override
		public void replaceEvents(List<EventRow> rows) {
			String target = this.names.of("events");
			String stage = stageOf(SqlEventWarehouse.this.events, target, "turnout_stage_events");
			this.sql.load(stage, SqlEventWarehouse.this.events,
					rows.stream().map(SqlEventWarehouse::eventValues).toList());
			this.dialect.replaceKeys(SqlEventWarehouse.this.events, target, stage).forEach(this.sql::execute);
			stageKeys(rows.stream().map(EventRow::eventId).toList());
			this.sql.execute(this.dialect.deleteKeys(SqlEventWarehouse.this.links, this.names.of("identity_links"),
					"event_id", KEYS));
			this.sql.load(this.names.of("identity_links"), SqlEventWarehouse.this.links,
					rows.stream().filter(EventRow::linksIdentity).map(SqlEventWarehouse::linkValues).toList());
		}

		@Override
		public void replaceOrders(Collection<String> orderIds, List<OrderRow> rows) {
			String target = this.names.of("orders");
			stageKeys(orderIds);
			this.sql.execute(this.dialect.deleteKeys(SqlEventWarehouse.this.orders, target, "order_id", KEYS));
			this.sql.load(target, SqlEventWarehouse.this.orders,
					rows.stream().map(SqlEventWarehouse::orderValues).toList());
		}

		@Override
		public void addFailedEvents(List<FailedEvent> failures) {
			String target = this.names.of("failed_events");
			String stage = stageOf(SqlEventWarehouse.this.failed, target, "turnout_stage_failed");
			this.sql.load(stage, SqlEventWarehouse.this.failed,
					failures.stream().map(SqlEventWarehouse::failureValues).toList());
			this.sql.execute(this.dialect.insertMissing(SqlEventWarehouse.this.failed, target, stage));
		}

		private String stageOf(TableSpec spec, String target, String stage) {
			this.sql.execute(this.dialect.createStage(spec, stage, target));
			this.sql.execute(this.dialect.emptyStage(stage));
			return stage;
		}

		private void stageKeys(Collection<String> keys) {
			SqlReads.stageKeys(this.sql, this.dialect, keys);
		}

	}

	static Object[] eventValues(EventRow e) {
		return new Object[] { e.eventId(), e.eventType(), e.eventName(), e.eventKind().code(), e.eventTime(),
				e.eventDate(), e.receivedAt(), e.anonymousId(), e.userId(), e.sourceId(), e.utmSource(), e.utmMedium(),
				e.utmCampaign(), e.utmTerm(), e.utmContent(), e.pageUrl(), e.pagePath(), e.pageReferrer(),
				e.pageTitle(), e.orderId(), e.revenue(), e.currency(), e.productId(), e.productPrice(),
				e.productQuantity(), e.properties(), e.context(), e.traits(), e.schemaVersion() };
	}

	static Object[] linkValues(EventRow e) {
		return new Object[] { e.anonymousId(), e.userId(), e.eventTime(), e.eventId() };
	}

	static Object[] orderValues(OrderRow o) {
		return new Object[] { o.orderId(), o.eventId(), o.orderedAt(), o.eventDate(), o.anonymousId(), o.userId(),
				o.customerKey(), o.sessionId(), o.revenue(), o.currency(), o.duplicateEvents() };
	}

	static Object[] failureValues(FailedEvent f) {
		return new Object[] { f.failureId(), f.receivedAt(), f.sourceId(), f.reason().code(), f.detail(), f.raw(),
				f.eventId() };
	}

	static Instant instant(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Timestamp timestamp) {
			return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
		}
		if (value instanceof LocalDateTime time) {
			return time.toInstant(ZoneOffset.UTC);
		}
		return (Instant) value;
	}

	static LocalDate date(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Date date) {
			return date.toLocalDate();
		}
		return (LocalDate) value;
	}

}
