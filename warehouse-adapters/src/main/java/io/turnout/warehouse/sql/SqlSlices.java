package io.turnout.warehouse.sql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.turnout.sessions.SessionKeys;
import io.turnout.warehouse.schema.ColumnSpec;
import io.turnout.warehouse.schema.TableSpec;
import io.turnout.warehouse.schema.WarehouseDialect;

/**
 * The condition of one slice (a day, and its session keys unless every key is meant, each
 * from its time on when a time column is given), with the keys and times staged in the
 * warehouse: the same rule as DuckDB's {@code SliceKeys}, in SQL every warehouse reads.
 */
final class SqlSlices {

	static final String STAGE = "turnout_stage_slices";

	private static final TableSpec STAGE_SPEC = new TableSpec(STAGE,
			List.of(new ColumnSpec("k", "VARCHAR", false, true, "session key"),
					new ColumnSpec("since", "TIMESTAMP", false, false, "replaced from")),
			"since");

	private final SqlTransaction sql;

	private final WarehouseDialect dialect;

	SqlSlices(SqlTransaction sql, WarehouseDialect dialect) {
		this.sql = sql;
		this.dialect = dialect;
	}

	/** The session key of an {@code events}, {@code orders} or cart row (tables.md). */
	String ofEvent() {
		return "coalesce(anonymous_id, " + this.dialect.concat("'user:'", "user_id") + ")";
	}

	/**
	 * The condition of a slice, its day the one parameter it takes.
	 * @param keyExpression the session key of the queried rows
	 * @param timeColumn the time of the rows compared with each key's time; null for
	 * whole days of the keys
	 */
	String where(LocalDate day, SessionKeys keys, String keyExpression, String timeColumn) {
		if (keys.isAll()) {
			return "event_date = ?";
		}
		stage(day, keys);
		return "event_date = ? AND EXISTS (SELECT 1 FROM " + STAGE + " slice WHERE slice.k = " + keyExpression
				+ ((timeColumn != null) ? " AND " + timeColumn + " >= slice.since" : "") + ")";
	}

	private void stage(LocalDate day, SessionKeys keys) {
		Instant startOfDay = day.atStartOfDay(ZoneOffset.UTC).toInstant();
		List<Object[]> rows = new ArrayList<>();
		for (Map.Entry<String, Instant> key : keys.sinceByKey().entrySet()) {
			Instant since = key.getValue().isBefore(startOfDay) ? startOfDay : key.getValue();
			rows.add(new Object[] { key.getKey(), since });
		}
		this.sql.execute(this.dialect.createWorkTable(STAGE_SPEC));
		this.sql.execute(this.dialect.emptyStage(STAGE));
		this.sql.load(STAGE, STAGE_SPEC, rows);
	}

}
