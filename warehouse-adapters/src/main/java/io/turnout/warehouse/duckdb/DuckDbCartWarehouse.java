package io.turnout.warehouse.duckdb;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.turnout.carts.CartAbandonmentRow;
import io.turnout.carts.CartTables;
import io.turnout.carts.CartWarehouse;
import io.turnout.warehouse.TableNames;
import io.turnout.events.EventRow;
import io.turnout.sessions.SessionKeys;
import io.turnout.sessions.SessionRow;

/** The cart-abandonment use case's tables in DuckDB. */
public final class DuckDbCartWarehouse implements CartWarehouse {

	/**
	 * Carts of older days than this before the watermark are not looked at for triggers
	 * again.
	 */
	static final int TRIGGER_WINDOW_DAYS = 3;

	private final DuckDbWriter writer;

	private final TableNames tableNames;

	public DuckDbCartWarehouse(DuckDbWriter writer) {
		this(writer, TableNames.batchSide());
	}

	public DuckDbCartWarehouse(DuckDbWriter writer, TableNames tableNames) {
		this.writer = writer;
		this.tableNames = tableNames;
	}

	@Override
	public <T> T inOneTransaction(Function<CartTables, T> work) {
		return this.writer.inOneTransaction(() -> work.apply(new Tables(this.tableNames.resolve())));
	}

	private final class Tables implements CartTables {

		private final TableNames.Resolved names;

		Tables(TableNames.Resolved names) {
			this.names = names;
		}

		@Override
		public List<SessionRow> abandonedSessionsOn(LocalDate day, SessionKeys keys) {
			SliceKeys slice = SliceKeys.of(day, keys, SliceKeys.OF_SESSION);
			List<SessionRow> rows = new ArrayList<>();
			writer.query("SELECT " + DuckDbSessionWarehouse.SESSION_COLUMNS + " FROM " + names.of("sessions")
					+ " WHERE cart_abandoned AND " + slice.sql(), rs -> {
						while (rs.next()) {
							rows.add(DuckDbSessionWarehouse.sessionOf(rs));
						}
					}, slice.parameters());
			return rows;
		}

		@Override
		public List<EventRow> cartEventsOf(Collection<String> sessionKeys, LocalDate day) {
			SliceKeys slice = SliceKeys.of(day, SessionKeys.of(sessionKeys), SliceKeys.OF_EVENT);
			List<EventRow> events = new ArrayList<>();
			writer.query("SELECT " + DuckDbSessionWarehouse.EVENT_COLUMNS + " FROM " + names.of("events") + " "
					+ "WHERE event_kind IN ('product_added', 'order_completed') AND " + slice.sql(), rs -> {
						while (rs.next()) {
							events.add(DuckDbSessionWarehouse.eventOf(rs));
						}
					}, slice.parameters());
			return events;
		}

		@Override
		public List<CartAbandonmentRow> abandonedBy(Instant dueBy) {
			List<CartAbandonmentRow> rows = new ArrayList<>();
			writer.query("SELECT session_id, customer_key, anonymous_id, user_id, last_product_added_at, abandoned_at, "
					+ "event_date, cart_value, items FROM " + names.of("cart_abandonments")
					+ " WHERE abandoned_at <= ? " + "AND event_date >= ?", rs -> {
						while (rs.next()) {
							rows.add(new CartAbandonmentRow(rs.getString(1), rs.getString(2), rs.getString(3),
									rs.getString(4), DuckDbWriter.instant(rs, 5), DuckDbWriter.instant(rs, 6),
									rs.getObject(7, LocalDate.class), rs.getBigDecimal(8), rs.getInt(9)));
						}
					}, LocalDateTime.ofInstant(dueBy, ZoneOffset.UTC),
					LocalDate.ofInstant(dueBy, ZoneOffset.UTC).minusDays(TRIGGER_WINDOW_DAYS));
			return rows;
		}

		@Override
		public Optional<Instant> latestEventTime() {
			List<Instant> latest = new ArrayList<>();
			writer.query("SELECT max(event_time) FROM " + names.of("events"), rs -> {
				if (rs.next() && rs.getObject(1) != null) {
					latest.add(DuckDbWriter.instant(rs, 1));
				}
			});
			return latest.stream().findFirst();
		}

		@Override
		public void replaceCartAbandonments(LocalDate day, SessionKeys keys, List<CartAbandonmentRow> rows) {
			SliceKeys slice = SliceKeys.of(day, keys, SliceKeys.OF_EVENT);
			writer.update("DELETE FROM " + names.of("cart_abandonments") + " WHERE " + slice.sql(), slice.parameters());
			writer.append(null, names.schema(), names.table("cart_abandonments"), rows, (a, r) -> {
				a.append(r.sessionId());
				a.append(r.customerKey());
				a.append(r.anonymousId());
				a.append(r.userId());
				DuckDbWriter.append(a, r.lastProductAddedAt());
				DuckDbWriter.append(a, r.abandonedAt());
				a.append(r.eventDate());
				DuckDbWriter.append(a, r.cartValue());
				a.append(r.items());
			});
		}

	}

}
