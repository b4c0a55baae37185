package io.turnout.warehouse.sql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.turnout.events.EventKind;
import io.turnout.events.EventRow;
import io.turnout.events.IdentityLink;
import io.turnout.events.OrderRow;
import io.turnout.sessions.SessionKeys;
import io.turnout.sessions.SessionRow;
import io.turnout.sessions.SessionSpan;
import io.turnout.sessions.SessionTables;
import io.turnout.sessions.SessionWarehouse;
import io.turnout.warehouse.TableNames;
import io.turnout.warehouse.WarehouseException;
import io.turnout.warehouse.schema.ColumnSpec;
import io.turnout.warehouse.schema.TableCatalog;
import io.turnout.warehouse.schema.TableSpec;
import io.turnout.warehouse.schema.WarehouseDialect;

/**
 * The sessions use case's tables in any SQL warehouse: a slice's activity, links and
 * orders read back, its {@code sessions} rows replaced, each order's session and customer
 * key set.
 */
public final class SqlSessionWarehouse implements SessionWarehouse {

	static final String EVENT_COLUMNS = "event_id, event_type, event_name, event_kind, event_time, "
			+ "event_date, received_at, anonymous_id, user_id, source_id, utm_source, utm_medium, utm_campaign, "
			+ "utm_term, utm_content, page_url, page_path, page_referrer, page_title, order_id, revenue, currency, "
			+ "product_id, product_price, product_quantity";

	static final String ORDER_COLUMNS = "order_id, event_id, ordered_at, event_date, anonymous_id, user_id, "
			+ "customer_key, session_id, revenue, currency, duplicate_events";

	static final String PLACES = "turnout_stage_places";

	private static final TableSpec PLACES_SPEC = new TableSpec(PLACES,
			List.of(new ColumnSpec("order_id", "VARCHAR", false, true, "the order"),
					new ColumnSpec("customer_key", "VARCHAR", true, false, "its customer key"),
					new ColumnSpec("session_id", "VARCHAR", true, false, "its session")),
			"order_id");

	private final SqlWarehouse warehouse;

	private final TableNames tableNames;

	private final TableSpec sessions;

	private final TableSpec orders;

	private final TableSpec links;

	public SqlSessionWarehouse(SqlWarehouse warehouse, TableCatalog catalog, TableNames tableNames) {
		this.warehouse = warehouse;
		this.tableNames = tableNames;
		this.sessions = catalog.table("sessions");
		this.orders = catalog.table("orders");
		this.links = catalog.table("identity_links");
	}

	@Override
	public <T> T inOneTransaction(Function<SessionTables, T> work) {
		return this.warehouse
			.inOneTransaction(sql -> work.apply(new Tables(sql, this.warehouse.dialect(), this.tableNames.resolve())));
	}

	private final class Tables implements SessionTables {

		private final SqlTransaction sql;

		private final WarehouseDialect dialect;

		private final TableNames.Resolved names;

		private final SqlSlices slices;

		Tables(SqlTransaction sql, WarehouseDialect dialect, TableNames.Resolved names) {
			this.sql = sql;
			this.dialect = dialect;
			this.names = names;
			this.slices = new SqlSlices(sql, dialect);
		}

		@Override
		public List<EventRow> activityOn(LocalDate day, SessionKeys keys) {
			String where = this.slices.where(day, keys, this.slices.ofEvent(), "event_time");
			return this.sql
				.query("SELECT " + EVENT_COLUMNS + " FROM " + this.names.of("events")
						+ " WHERE event_type IN ('page', 'screen', 'track') AND " + where, day)
				.stream()
				.map(SqlSessionWarehouse::eventOf)
				.toList();
		}

		@Override
		public List<SessionSpan> sessionSpansOf(LocalDate day, SessionKeys keys) {
			String where = this.slices.where(day, keys, "session_key", null);
			return this.sql
				.query("SELECT session_key, started_at, ended_at FROM " + this.names.of("sessions") + " WHERE " + where,
						day)
				.stream()
				.map(row -> new SessionSpan((String) row[0], SqlEventWarehouse.instant(row[1]),
						SqlEventWarehouse.instant(row[2])))
				.toList();
		}

		@Override
		public List<IdentityLink> identityLinksOf(Collection<String> anonymousIds) {
			return SqlReads.identityLinksOf(this.sql, this.dialect, this.names, SqlSessionWarehouse.this.links,
					anonymousIds);
		}

		@Override
		public List<OrderRow> ordersOn(LocalDate day, SessionKeys keys) {
			String where = this.slices.where(day, keys, this.slices.ofEvent(), "ordered_at");
			return SqlReads.orders(this.sql, this.names.of("orders"), where, day);
		}

		@Override
		public void replaceSessions(LocalDate day, SessionKeys keys, List<SessionRow> rows) {
			SqlReads.replaceRows(this.sql, this.names.of("sessions"), SqlSessionWarehouse.this.sessions,
					this.slices.where(day, keys, "session_key", "started_at"), day,
					rows.stream().map(SqlSessionWarehouse::sessionValues).toList());
		}

		@Override
		public void updateOrders(List<OrderRow> placed) {
			this.sql.execute(this.dialect.createWorkTable(PLACES_SPEC));
			this.sql.execute(this.dialect.emptyStage(PLACES));
			this.sql.load(PLACES, PLACES_SPEC,
					placed.stream().map(o -> new Object[] { o.orderId(), o.customerKey(), o.sessionId() }).toList());
			String target = this.names.placedOrders();
			String source = this.names.of("orders");
			if (target.equals(source)) {
				this.sql
					.execute("UPDATE " + target + " AS o SET customer_key = p.customer_key, session_id = p.session_id "
							+ "FROM " + PLACES + " p WHERE o.order_id = p.order_id");
			}
			else {
				// Sessions runs shadow while the events use case writes the orders
				// themselves: the shadow copy takes each placed order's row from them.
				String columns = SqlSessionWarehouse.this.orders.columnNames().stream().map(column -> switch (column) {
					case "customer_key", "session_id" -> "p." + column;
					default -> "o." + column;
				}).collect(Collectors.joining(", "));
				this.sql.execute("DELETE FROM " + target + " WHERE order_id IN (SELECT order_id FROM " + PLACES + ")");
				this.sql.execute("INSERT INTO " + target + " (" + ORDER_COLUMNS + ") SELECT " + columns + " FROM "
						+ source + " o JOIN " + PLACES + " p ON o.order_id = p.order_id");
			}
		}

	}

	static EventRow eventOf(Object[] row) {
		return new EventRow((String) row[0], (String) row[1], (String) row[2], kindOf((String) row[3]),
				SqlEventWarehouse.instant(row[4]), SqlEventWarehouse.date(row[5]), SqlEventWarehouse.instant(row[6]),
				(String) row[7], (String) row[8], (String) row[9], (String) row[10], (String) row[11], (String) row[12],
				(String) row[13], (String) row[14], (String) row[15], (String) row[16], (String) row[17],
				(String) row[18], (String) row[19], (BigDecimal) row[20], (String) row[21], (String) row[22],
				(BigDecimal) row[23], (row[24] != null) ? ((Number) row[24]).intValue() : null, null, null, null, null);
	}

	static Object[] sessionValues(SessionRow s) {
		return new Object[] { s.sessionId(), s.sessionKey(), s.anonymousId(), s.userId(), s.customerKey(),
				s.eventDate(), s.startedAt(), s.endedAt(), s.durationSeconds(), s.events(), s.pageViews(), s.clicks(),
				s.productsAdded(), s.orders(), s.revenue(), s.landingUrl(), s.referrer(), s.source(), s.medium(),
				s.campaign(), s.channelGroup(), s.cartAbandoned() };
	}

	private static EventKind kindOf(String code) {
		for (EventKind kind : EventKind.values()) {
			if (kind.code().equals(code)) {
				return kind;
			}
		}
		throw new WarehouseException("Unknown event_kind '" + code + "' in the events table", null);
	}

}
