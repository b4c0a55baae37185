package io.turnout.warehouse.duckdb;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import io.turnout.attribution.AttributionRow;
import io.turnout.attribution.AttributionTables;
import io.turnout.attribution.AttributionWarehouse;
import io.turnout.warehouse.TableNames;
import io.turnout.events.IdentityLink;
import io.turnout.events.OrderRow;
import io.turnout.sessions.SessionKeys;
import io.turnout.sessions.SessionRow;

/** The attribution use case's tables in DuckDB. */
public final class DuckDbAttributionWarehouse implements AttributionWarehouse {

	private final DuckDbWriter writer;

	private final TableNames tableNames;

	public DuckDbAttributionWarehouse(DuckDbWriter writer) {
		this(writer, TableNames.batchSide());
	}

	public DuckDbAttributionWarehouse(DuckDbWriter writer, TableNames tableNames) {
		this.writer = writer;
		this.tableNames = tableNames;
		writer.execute("CREATE TEMP TABLE IF NOT EXISTS stage_customers (k VARCHAR)",
				"CREATE TEMP TABLE IF NOT EXISTS stage_session_keys (k VARCHAR)");
	}

	@Override
	public <T> T inOneTransaction(Function<AttributionTables, T> work) {
		return this.writer.inOneTransaction(() -> work.apply(new Tables(this.tableNames.resolve())));
	}

	private final class Tables implements AttributionTables {

		private final TableNames.Resolved names;

		Tables(TableNames.Resolved names) {
			this.names = names;
		}

		@Override
		public List<OrderRow> ordersOn(LocalDate day) {
			// The orders with their placement in sessions.
			return DuckDbSessionWarehouse.ordersOn(writer, this.names.placedOrders(),
					SliceKeys.of(day, SessionKeys.all(), SliceKeys.OF_EVENT));
		}

		@Override
		public List<IdentityLink> identityLinksOf(Collection<String> anonymousIds) {
			return DuckDbSessionWarehouse.identityLinksOf(writer, this.names, anonymousIds);
		}

		@Override
		public List<SessionRow> sessionsOf(Collection<String> customerKeys, Instant from, Instant to) {
			writer.execute("DELETE FROM stage_customers");
			writer.appendTemp("stage_customers", customerKeys, (a, k) -> a.append(k));
			List<SessionRow> rows = new ArrayList<>();
			writer.query("SELECT " + DuckDbSessionWarehouse.SESSION_COLUMNS + " FROM " + names.of("sessions") + " "
					+ "WHERE customer_key IN (SELECT k FROM stage_customers) AND started_at > ? AND started_at <= ?",
					rs -> {
						while (rs.next()) {
							rows.add(DuckDbSessionWarehouse.sessionOf(rs));
						}
					}, LocalDateTime.ofInstant(from, ZoneOffset.UTC), LocalDateTime.ofInstant(to, ZoneOffset.UTC));
			return rows;
		}

		@Override
		public void replaceAttribution(LocalDate day, List<AttributionRow> rows) {
			writer.update("DELETE FROM " + names.of("attribution") + " WHERE event_date = ?", day);
			writer.append(null, names.schema(), names.table("attribution"), rows, (a, r) -> {
				a.append(r.orderId());
				a.append(r.model());
				a.append(r.touchIndex());
				a.append(r.sessionId());
				a.append(r.source());
				a.append(r.medium());
				a.append(r.campaign());
				a.append(r.channelGroup());
				a.append(r.credit());
				DuckDbWriter.append(a, r.revenueCredit());
				a.append(r.currency());
				DuckDbWriter.append(a, r.orderedAt());
				a.append(r.eventDate());
				a.append(r.customerKey());
			});
		}

	}

}
