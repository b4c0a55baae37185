package io.turnout.warehouse.duckdb;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.turnout.warehouse.TableNames;
import io.turnout.attribution.AttributionRow;
import io.turnout.revenue.RevenueDailyRow;
import io.turnout.revenue.RevenueTables;
import io.turnout.revenue.RevenueWarehouse;
import io.turnout.sessions.SessionRow;

/** The revenue-daily use case's tables in DuckDB. */
public final class DuckDbRevenueWarehouse implements RevenueWarehouse {

	private final DuckDbWriter writer;

	private final TableNames tableNames;

	public DuckDbRevenueWarehouse(DuckDbWriter writer) {
		this(writer, TableNames.batchSide());
	}

	public DuckDbRevenueWarehouse(DuckDbWriter writer, TableNames tableNames) {
		this.writer = writer;
		this.tableNames = tableNames;
	}

	@Override
	public <T> T inOneTransaction(Function<RevenueTables, T> work) {
		return this.writer.inOneTransaction(() -> work.apply(new Tables(this.tableNames.resolve())));
	}

	private final class Tables implements RevenueTables {

		private final TableNames.Resolved names;

		Tables(TableNames.Resolved names) {
			this.names = names;
		}

		@Override
		public List<SessionRow> sessionsOn(LocalDate day) {
			List<SessionRow> rows = new ArrayList<>();
			writer.query("SELECT " + DuckDbSessionWarehouse.SESSION_COLUMNS + " FROM " + names.of("sessions")
					+ " WHERE event_date = ?", rs -> {
						while (rs.next()) {
							rows.add(DuckDbSessionWarehouse.sessionOf(rs));
						}
					}, day);
			return rows;
		}

		@Override
		public List<AttributionRow> lastTouchOn(LocalDate day) {
			List<AttributionRow> rows = new ArrayList<>();
			writer.query("SELECT order_id, model, touch_index, session_id, source, medium, campaign, channel_group, "
					+ "credit, revenue_credit, currency, ordered_at, event_date, customer_key FROM "
					+ names.of("attribution") + " " + "WHERE event_date = ? AND model = 'last_touch'", rs -> {
						while (rs.next()) {
							rows.add(new AttributionRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
									rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getDouble(9),
									rs.getBigDecimal(10), rs.getString(11), DuckDbWriter.instant(rs, 12),
									rs.getObject(13, LocalDate.class), rs.getString(14)));
						}
					}, day);
			return rows;
		}

		@Override
		public void replaceRevenueDaily(LocalDate day, List<RevenueDailyRow> rows) {
			writer.update("DELETE FROM " + names.of("revenue_daily") + " WHERE event_date = ?", day);
			writer.append(null, names.schema(), names.table("revenue_daily"), rows, (a, r) -> {
				a.append(r.eventDate());
				a.append(r.channelGroup());
				a.append(r.source());
				a.append(r.medium());
				a.append(r.campaign());
				a.append(r.sessions());
				a.append(r.orders());
				DuckDbWriter.append(a, r.revenue());
				a.append(r.customers());
				a.append(r.ordersOtherCurrency());
			});
		}

	}

}
