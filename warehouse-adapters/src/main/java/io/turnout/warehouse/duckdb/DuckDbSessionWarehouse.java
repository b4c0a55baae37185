package io.turnout.warehouse.duckdb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import io.turnout.warehouse.TableNames;
import io.turnout.events.EventKind;
import io.turnout.events.EventRow;
import io.turnout.events.IdentityLink;
import io.turnout.events.OrderRow;
import io.turnout.sessions.SessionKeys;
import io.turnout.sessions.SessionRow;
import io.turnout.sessions.SessionSpan;
import io.turnout.sessions.SessionTables;
import io.turnout.sessions.SessionWarehouse;
import io.turnout.warehouse.WarehouseException;

/**
 * The sessions use case's tables in DuckDB: reads a day's activity, links and orders;
 * replaces the day's {@code sessions} slice; sets each order's session and customer key.
 */
public final class DuckDbSessionWarehouse implements SessionWarehouse {

	static final String EVENT_COLUMNS = "event_id, event_type, event_name, event_kind, event_time, "
			+ "event_date, received_at, anonymous_id, user_id, source_id, utm_source, utm_medium, utm_campaign, "
			+ "utm_term, utm_content, page_url, page_path, page_referrer, page_title, order_id, revenue, currency, "
			+ "product_id, product_price, product_quantity";

	private final DuckDbWriter writer;

	private final TableNames tableNames;

	public DuckDbSessionWarehouse(DuckDbWriter writer) {
		this(writer, TableNames.batchSide());
	}

	public DuckDbSessionWarehouse(DuckDbWriter writer, TableNames tableNames) {
		this.writer = writer;
		this.tableNames = tableNames;
		writer.execute("CREATE TEMP TABLE IF NOT EXISTS stage_order_places (order_id VARCHAR, customer_key VARCHAR, "
				+ "session_id VARCHAR)");
	}

	@Override
	public <T> T inOneTransaction(Function<SessionTables, T> work) {
		return this.writer.inOneTransaction(() -> work.apply(new Tables(this.tableNames.resolve())));
	}

	private final class Tables implements SessionTables {

		private final TableNames.Resolved names;

		Tables(TableNames.Resolved names) {
			this.names = names;
		}

		@Override
		public List<EventRow> activityOn(LocalDate day, SessionKeys keys) {
			SliceKeys slice = SliceKeys.since(day, keys, SliceKeys.OF_EVENT, "event_time");
			List<EventRow> events = new ArrayList<>();
			writer.query("SELECT " + EVENT_COLUMNS + " FROM " + slice.from(names.of("events"))
					+ " WHERE event_type IN ('page', 'screen', 'track') AND " + slice.sql(), rs -> {
						while (rs.next()) {
							events.add(eventOf(rs));
						}
					}, slice.parameters());
			return events;
		}

		@Override
		public List<IdentityLink> identityLinksOf(Collection<String> anonymousIds) {
			return DuckDbSessionWarehouse.identityLinksOf(writer, this.names, anonymousIds);
		}

		@Override
		public List<OrderRow> ordersOn(LocalDate day, SessionKeys keys) {
			return DuckDbSessionWarehouse.ordersOn(writer, this.names.of("orders"),
					SliceKeys.since(day, keys, SliceKeys.OF_EVENT, "ordered_at"));
		}

		@Override
		public List<SessionSpan> sessionSpansOf(LocalDate day, SessionKeys keys) {
			SliceKeys slice = SliceKeys.of(day, keys, SliceKeys.OF_SESSION);
			List<SessionSpan> spans = new ArrayList<>();
			writer.query(
					"SELECT session_key, started_at, ended_at FROM " + names.of("sessions") + " WHERE " + slice.sql(),
					rs -> {
						while (rs.next()) {
							spans.add(new SessionSpan(rs.getString(1), DuckDbWriter.instant(rs, 2),
									DuckDbWriter.instant(rs, 3)));
						}
					}, slice.parameters());
			return spans;
		}

		@Override
		public void replaceSessions(LocalDate day, SessionKeys keys, List<SessionRow> sessions) {
			SliceKeys slice = SliceKeys.sinceCondition(day, keys, SliceKeys.OF_SESSION, "started_at");
			writer.update("DELETE FROM " + names.of("sessions") + " WHERE " + slice.sql(), slice.parameters());
			writer.append(null, names.schema(), names.table("sessions"), sessions, (a, s) -> {
				a.append(s.sessionId());
				a.append(s.sessionKey());
				a.append(s.anonymousId());
				a.append(s.userId());
				a.append(s.customerKey());
				a.append(s.eventDate());
				DuckDbWriter.append(a, s.startedAt());
				DuckDbWriter.append(a, s.endedAt());
				a.append(s.durationSeconds());
				a.append(s.events());
				a.append(s.pageViews());
				a.append(s.clicks());
				a.append(s.productsAdded());
				a.append(s.orders());
				DuckDbWriter.append(a, s.revenue());
				a.append(s.landingUrl());
				a.append(s.referrer());
				a.append(s.source());
				a.append(s.medium());
				a.append(s.campaign());
				a.append(s.channelGroup());
				a.append(s.cartAbandoned());
			});
		}

		@Override
		public void updateOrders(List<OrderRow> orders) {
			writer.execute("DELETE FROM stage_order_places");
			writer.appendTemp("stage_order_places", orders, (a, o) -> {
				a.append(o.orderId());
				a.append(o.customerKey());
				a.append(o.sessionId());
			});
			String placed = this.names.placedOrders();
			if (placed.equals(this.names.of("orders"))) {
				writer
					.execute("UPDATE " + placed + " AS o SET customer_key = p.customer_key, session_id = p.session_id "
							+ "FROM stage_order_places p WHERE o.order_id = p.order_id");
			}
			else {
				// Sessions runs shadow while the events use case writes the orders
				// themselves: the shadow copy takes each placed order's row from them.
				writer.execute("DELETE FROM " + placed + " WHERE order_id IN (SELECT order_id FROM stage_order_places)",
						"INSERT INTO " + placed + " SELECT o.* REPLACE (p.customer_key AS customer_key, "
								+ "p.session_id AS session_id) FROM " + this.names.of("orders")
								+ " o JOIN stage_order_places p ON o.order_id = p.order_id");
			}
		}

	}

	/**
	 * Every identity link of these anonymous ids, read within the caller's transaction.
	 */
	static List<IdentityLink> identityLinksOf(DuckDbWriter writer, TableNames.Resolved names,
			Collection<String> anonymousIds) {
		List<IdentityLink> links = new ArrayList<>();
		writer.query("SELECT anonymous_id, user_id, event_time, event_id FROM " + names.of("identity_links") + " "
				+ "WHERE anonymous_id IN (SELECT unnest(?::VARCHAR[]))", rs -> {
					while (rs.next()) {
						links.add(new IdentityLink(rs.getString(1), rs.getString(2), DuckDbWriter.instant(rs, 3),
								rs.getString(4)));
					}
				}, List.copyOf(anonymousIds));
		return links;
	}

	/** The orders of one slice, read within the caller's transaction. */
	static List<OrderRow> ordersOn(DuckDbWriter writer, String ordersTable, SliceKeys slice) {
		return orders(writer, slice.from(ordersTable) + " WHERE " + slice.sql(), slice.parameters());
	}

	/**
	 * The orders of a {@code FROM} clause and its condition, read within the caller's
	 * transaction.
	 */
	static List<OrderRow> orders(DuckDbWriter writer, String fromWhere, Object... parameters) {
		List<OrderRow> orders = new ArrayList<>();
		writer.query("SELECT order_id, event_id, ordered_at, event_date, anonymous_id, user_id, customer_key, "
				+ "session_id, revenue, currency, duplicate_events FROM " + fromWhere, rs -> {
					while (rs.next()) {
						orders.add(new OrderRow(rs.getString(1), rs.getString(2), DuckDbWriter.instant(rs, 3),
								rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
								rs.getString(8), rs.getBigDecimal(9), rs.getString(10), rs.getInt(11)));
					}
				}, parameters);
		return orders;
	}

	static final String SESSION_COLUMNS = "session_id, session_key, anonymous_id, user_id, customer_key, event_date, "
			+ "started_at, ended_at, duration_seconds, events, page_views, clicks, products_added, orders, revenue, "
			+ "landing_url, referrer, source, medium, campaign, channel_group, cart_abandoned";

	static SessionRow sessionOf(ResultSet rs) throws SQLException {
		return new SessionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getObject(6, LocalDate.class), DuckDbWriter.instant(rs, 7), DuckDbWriter.instant(rs, 8),
				rs.getLong(9), rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getInt(14),
				rs.getBigDecimal(15), rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19),
				rs.getString(20), rs.getString(21), rs.getBoolean(22));
	}

	static EventRow eventOf(ResultSet rs) throws SQLException {
		Integer quantity = (Integer) rs.getObject(25);
		return new EventRow(rs.getString(1), rs.getString(2), rs.getString(3), kindOf(rs.getString(4)),
				DuckDbWriter.instant(rs, 5), rs.getObject(6, LocalDate.class), DuckDbWriter.instant(rs, 7),
				rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
				rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
				rs.getString(18), rs.getString(19), rs.getString(20), rs.getBigDecimal(21), rs.getString(22),
				rs.getString(23), rs.getBigDecimal(24), quantity, null, null, null, null);
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
