package io.turnout.warehouse.duckdb;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.turnout.migration.ParityTables;
import io.turnout.migration.TableParity;
import io.turnout.warehouse.TableNames;

/**
 * The parity check in DuckDB: one full outer join by key of a day of a table and of its
 * shadow copy, each row reduced to a hash of its compared columns.
 */
public final class DuckDbParityTables implements ParityTables {

	/** Each table's key and the expression of its day (tables.md). */
	private static final Map<String, Layout> LAYOUTS = Map.of("events", new Layout("event_id", "event_date"),
			"identity_links", new Layout("event_id", "CAST(event_time AS DATE)"), "orders",
			new Layout("order_id", "event_date"), "sessions", new Layout("session_id", "event_date"), "attribution",
			new Layout("order_id, model, touch_index", "event_date"), "revenue_daily",
			new Layout("event_date, channel_group, source, medium, campaign", "event_date"), "cart_abandonments",
			new Layout("session_id", "event_date"));

	private final DuckDbWriter writer;

	public DuckDbParityTables(DuckDbWriter writer) {
		this.writer = writer;
	}

	@Override
	public TableParity compare(String table, LocalDate day) {
		Layout layout = LAYOUTS.get(table);
		if (layout == null) {
			throw new IllegalArgumentException("No parity check for the table '" + table + "'.");
		}
		return this.writer.inOneTransaction(() -> compare(table, layout, day));
	}

	private TableParity compare(String table, Layout layout, LocalDate day) {
		String columns = comparedColumns(table).stream().map(column -> "t." + column).collect(Collectors.joining(", "));
		String key = keyExpression(layout.key());
		String side = "SELECT " + key + " AS k, md5(CAST(ROW(" + columns + ") AS VARCHAR)) AS h FROM %s t WHERE "
				+ layout.day() + " = ?";
		String compared = "WITH b AS (" + side.formatted("marketing." + table) + "), s AS ("
				+ side.formatted("marketing." + TableNames.shadowOf(table)) + "), "
				+ "j AS (SELECT b.k AS bk, s.k AS sk, b.h AS bh, s.h AS sh FROM b FULL JOIN s ON b.k = s.k) ";
		long[] counts = new long[5];
		this.writer.query(compared + "SELECT count(bk), count(sk), count(*) FILTER (WHERE sk IS NULL), "
				+ "count(*) FILTER (WHERE bk IS NULL), count(*) FILTER (WHERE bh <> sh) FROM j", rs -> {
					rs.next();
					for (int i = 0; i < counts.length; i++) {
						counts[i] = rs.getLong(i + 1);
					}
				}, day, day);
		List<String> examples = new ArrayList<>();
		this.writer.query(compared + "(SELECT 'missing ' || bk FROM j WHERE sk IS NULL ORDER BY bk LIMIT "
				+ TableParity.EXAMPLES + ") UNION ALL (SELECT 'extra ' || sk FROM j WHERE bk IS NULL ORDER BY sk LIMIT "
				+ TableParity.EXAMPLES + ") UNION ALL (SELECT 'mismatched ' || bk FROM j WHERE bh <> sh ORDER BY bk "
				+ "LIMIT " + TableParity.EXAMPLES + ")", rs -> {
					while (rs.next()) {
						examples.add(rs.getString(1));
					}
				}, day, day);
		return new TableParity(table, counts[0], counts[1], counts[2], counts[3], counts[4], examples);
	}

	/** Every column but those recording processing time, in table order. */
	private List<String> comparedColumns(String table) {
		List<String> columns = new ArrayList<>();
		this.writer.query("SELECT column_name FROM information_schema.columns WHERE table_schema = 'marketing' "
				+ "AND table_name = ? AND column_name <> 'received_at' AND column_name NOT LIKE '%\\_processed\\_at' "
				+ "ESCAPE '\\' ORDER BY ordinal_position", rs -> {
					while (rs.next()) {
						columns.add(rs.getString(1));
					}
				}, table);
		return columns;
	}

	/** A key of one or more columns as one readable string; a null part reads "null". */
	private static String keyExpression(String keyColumns) {
		String[] parts = keyColumns.split(",\\s*");
		if (parts.length == 1) {
			return "t." + parts[0];
		}
		StringBuilder expression = new StringBuilder("concat_ws('|'");
		for (String part : parts) {
			expression.append(", coalesce(CAST(t.").append(part).append(" AS VARCHAR), 'null')");
		}
		return expression.append(")").toString();
	}

	private record Layout(String key, String day) {
	}

}
