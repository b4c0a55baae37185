package io.turnout.warehouse.sql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.turnout.attribution.AttributionRow;
import io.turnout.attribution.AttributionTables;
import io.turnout.attribution.AttributionWarehouse;
import io.turnout.carts.CartAbandonmentRow;
import io.turnout.carts.CartTables;
import io.turnout.carts.CartWarehouse;
import io.turnout.events.EventRow;
import io.turnout.events.IdentityLink;
import io.turnout.events.OrderRow;
import io.turnout.revenue.RevenueDailyRow;
import io.turnout.revenue.RevenueTables;
import io.turnout.revenue.RevenueWarehouse;
import io.turnout.sessions.SessionKeys;
import io.turnout.sessions.SessionRow;
import io.turnout.warehouse.TableNames;
import io.turnout.warehouse.schema.TableCatalog;
import io.turnout.warehouse.schema.TableSpec;

/**
 * The attribution, revenue-daily and cart-abandonment use cases' tables in any SQL
 * warehouse: day slices (and, for carts, session keys of a day) read and replaced.
 */
public final class SqlDerivedWarehouses {

	static final String SESSION_COLUMNS = "session_id, session_key, anonymous_id, user_id, customer_key, event_date, "
			+ "started_at, ended_at, duration_seconds, events, page_views, clicks, products_added, orders, revenue, "
			+ "landing_url, referrer, source, medium, campaign, channel_group, cart_abandoned";

	static final String ATTRIBUTION_COLUMNS = "order_id, model, touch_index, session_id, source, medium, campaign, "
			+ "channel_group, credit, revenue_credit, currency, ordered_at, event_date, customer_key";

	/** Carts whose trigger may still be due: those of the last few days. */
	static final int TRIGGER_WINDOW_DAYS = 3;

	private SqlDerivedWarehouses() {
	}

	public static AttributionWarehouse attribution(SqlWarehouse warehouse, TableCatalog catalog, TableNames names) {
		TableSpec spec = catalog.table("attribution");
		TableSpec links = catalog.table("identity_links");
		TableSpec sessionSpec = catalog.table("sessions");
		return new AttributionWarehouse() {
			@Override
			public <T> T inOneTransaction(Function<AttributionTables, T> work) {
				return warehouse.inOneTransaction(sql -> {
					TableNames.Resolved t = names.resolve();
					return work.apply(new AttributionTables() {

						@Override
						public List<OrderRow> ordersOn(LocalDate day) {
							// The orders with their placement in sessions.
							return SqlReads.orders(sql, t.placedOrders(), "event_date = ?", day);
						}

						@Override
						public List<IdentityLink> identityLinksOf(Collection<String> anonymousIds) {
							return SqlReads.identityLinksOf(sql, warehouse.dialect(), t, links, anonymousIds);
						}

						@Override
						public List<SessionRow> sessionsOf(Collection<String> customerKeys, Instant from, Instant to) {
							SqlReads.stageKeys(sql, warehouse.dialect(), customerKeys);
							return sessions(sql, t.of("sessions"),
									"customer_key IN (SELECT k FROM " + SqlReads.KEYS
											+ ") AND started_at > ? AND started_at <= ? AND "
											+ warehouse.dialect().everyDay(sessionSpec, null),
									from, to);
						}

						@Override
						public void replaceAttribution(LocalDate day, List<AttributionRow> rows) {
							SqlReads.replaceRows(sql, t.of("attribution"), spec, "event_date = ?", day,
									rows.stream().map(SqlDerivedWarehouses::values).toList());
						}

					});
				});
			}
		};
	}

	public static RevenueWarehouse revenue(SqlWarehouse warehouse, TableCatalog catalog, TableNames names) {
		TableSpec spec = catalog.table("revenue_daily");
		return new RevenueWarehouse() {
			@Override
			public <T> T inOneTransaction(Function<RevenueTables, T> work) {
				return warehouse.inOneTransaction(sql -> {
					TableNames.Resolved t = names.resolve();
					return work.apply(new RevenueTables() {

						@Override
						public List<SessionRow> sessionsOn(LocalDate day) {
							return sessions(sql, t.of("sessions"), "event_date = ?", day);
						}

						@Override
						public List<AttributionRow> lastTouchOn(LocalDate day) {
							return sql
								.query("SELECT " + ATTRIBUTION_COLUMNS + " FROM " + t.of("attribution")
										+ " WHERE event_date = ? AND model = 'last_touch'", day)
								.stream()
								.map(row -> new AttributionRow((String) row[0], (String) row[1],
										((Number) row[2]).intValue(), (String) row[3], (String) row[4], (String) row[5],
										(String) row[6], (String) row[7], ((Number) row[8]).doubleValue(),
										(BigDecimal) row[9], (String) row[10], SqlEventWarehouse.instant(row[11]),
										SqlEventWarehouse.date(row[12]), (String) row[13]))
								.toList();
						}

						@Override
						public void replaceRevenueDaily(LocalDate day, List<RevenueDailyRow> rows) {
							SqlReads.replaceRows(sql, t.of("revenue_daily"), spec, "event_date = ?", day,
									rows.stream().map(SqlDerivedWarehouses::values).toList());
						}

					});
				});
			}
		};
	}

	public static CartWarehouse carts(SqlWarehouse warehouse, TableCatalog catalog, TableNames names) {
		TableSpec spec = catalog.table("cart_abandonments");
		TableSpec events = catalog.table("events");
		return new CartWarehouse() {
			@Override
			public <T> T inOneTransaction(Function<CartTables, T> work) {
				return warehouse.inOneTransaction(sql -> {
					TableNames.Resolved t = names.resolve();
					SqlSlices slices = new SqlSlices(sql, warehouse.dialect());
					return work.apply(new CartTables() {

						@Override
						public List<SessionRow> abandonedSessionsOn(LocalDate day, SessionKeys keys) {
							return sessions(sql, t.of("sessions"),
									"cart_abandoned AND " + slices.where(day, keys, "session_key", null), day);
						}

						@Override
						public List<EventRow> cartEventsOf(Collection<String> sessionKeys, LocalDate day) {
							String where = slices.where(day, SessionKeys.of(sessionKeys), slices.ofEvent(), null);
							return sql
								.query("SELECT " + SqlSessionWarehouse.EVENT_COLUMNS + " FROM " + t.of("events")
										+ " WHERE event_kind IN ('product_added', 'order_completed') AND " + where, day)
								.stream()
								.map(SqlSessionWarehouse::eventOf)
								.toList();
						}

						@Override
						public List<CartAbandonmentRow> abandonedBy(Instant dueBy) {
							return sql
								.query("SELECT session_id, customer_key, anonymous_id, user_id, last_product_added_at, "
										+ "abandoned_at, event_date, cart_value, items FROM "
										+ t.of("cart_abandonments") + " WHERE abandoned_at <= ? AND event_date >= ?",
										dueBy,
										LocalDate.ofInstant(dueBy, ZoneOffset.UTC).minusDays(TRIGGER_WINDOW_DAYS))
								.stream()
								.map(row -> new CartAbandonmentRow((String) row[0], (String) row[1], (String) row[2],
										(String) row[3], SqlEventWarehouse.instant(row[4]),
										SqlEventWarehouse.instant(row[5]), SqlEventWarehouse.date(row[6]),
										(BigDecimal) row[7], ((Number) row[8]).intValue()))
								.toList();
						}

						@Override
						public Optional<Instant> latestEventTime() {
							List<Object[]> rows = sql.query("SELECT max(event_time) FROM " + t.of("events") + " WHERE "
									+ warehouse.dialect().everyDay(events, null));
							return rows.isEmpty() ? Optional.empty()
									: Optional.ofNullable(SqlEventWarehouse.instant(rows.get(0)[0]));
						}

						@Override
						public void replaceCartAbandonments(LocalDate day, SessionKeys keys,
								List<CartAbandonmentRow> rows) {
							SqlReads.replaceRows(sql, t.of("cart_abandonments"), spec,
									slices.where(day, keys, slices.ofEvent(), null), day,
									rows.stream().map(SqlDerivedWarehouses::values).toList());
						}

					});
				});
			}
		};
	}

	static List<SessionRow> sessions(SqlTransaction sql, String table, String where, Object... parameters) {
		List<SessionRow> rows = new ArrayList<>();
		for (Object[] row : sql.query("SELECT " + SESSION_COLUMNS + " FROM " + table + " WHERE " + where, parameters)) {
			rows.add(new SessionRow((String) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4],
					SqlEventWarehouse.date(row[5]), SqlEventWarehouse.instant(row[6]),
					SqlEventWarehouse.instant(row[7]), ((Number) row[8]).longValue(), ((Number) row[9]).intValue(),
					((Number) row[10]).intValue(), ((Number) row[11]).intValue(), ((Number) row[12]).intValue(),
					((Number) row[13]).intValue(), (BigDecimal) row[14], (String) row[15], (String) row[16],
					(String) row[17], (String) row[18], (String) row[19], (String) row[20], (Boolean) row[21]));
		}
		return rows;
	}

	static Object[] values(AttributionRow r) {
		return new Object[] { r.orderId(), r.model(), r.touchIndex(), r.sessionId(), r.source(), r.medium(),
				r.campaign(), r.channelGroup(), r.credit(), r.revenueCredit(), r.currency(), r.orderedAt(),
				r.eventDate(), r.customerKey() };
	}

	static Object[] values(RevenueDailyRow r) {
		return new Object[] { r.eventDate(), r.channelGroup(), r.source(), r.medium(), r.campaign(), r.sessions(),
				r.orders(), r.revenue(), r.customers(), r.ordersOtherCurrency() };
	}

	static Object[] values(CartAbandonmentRow r) {
		return new Object[] { r.sessionId(), r.customerKey(), r.anonymousId(), r.userId(), r.lastProductAddedAt(),
				r.abandonedAt(), r.eventDate(), r.cartValue(), r.items() };
	}

}
