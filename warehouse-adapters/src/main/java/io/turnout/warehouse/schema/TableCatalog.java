package io.turnout.warehouse.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of tables.md, read from {@code schema/tables.tsv}: one line per column
 * (table, column, type, nullable, key, description). A test checks it against the DuckDB
 * migrations, so the cloud warehouses' tables cannot drift from DuckDB's.
 */
public final class TableCatalog {

	private static final String RESOURCE = "/schema/tables.tsv";

	/** The business day of each table's rows. */
	private static final Map<String, String> DAY_COLUMNS = Map.of("events", "event_date", "identity_links",
			"event_time", "orders", "event_date", "failed_events", "received_at", "sessions", "event_date",
			"attribution", "event_date", "revenue_daily", "event_date", "cart_abandonments", "event_date");

	private final Map<String, TableSpec> tables;

	private TableCatalog(Map<String, TableSpec> tables) {
		this.tables = tables;
	}

	public static TableCatalog load() {
		Map<String, List<ColumnSpec>> columns = new LinkedHashMap<>();
		try (InputStream in = TableCatalog.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The table catalog " + RESOURCE + " is missing from the classpath.");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] fields = line.split("\t", -1);
				columns.computeIfAbsent(fields[0], table -> new ArrayList<>())
					.add(new ColumnSpec(fields[1], fields[2], fields[3].equals("yes"), fields[4].equals("yes"),
							fields[5]));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, TableSpec> tables = new LinkedHashMap<>();
		columns.forEach((table, specs) -> tables.put(table, new TableSpec(table, specs, DAY_COLUMNS.get(table))));
		return new TableCatalog(tables);
	}

	public List<TableSpec> tables() {
		return List.copyOf(this.tables.values());
	}

	public TableSpec table(String name) {
		TableSpec table = this.tables.get(name);
		if (table == null) {
			throw new IllegalArgumentException("No table '" + name + "' in tables.md; tables: " + this.tables.keySet());
		}
		return table;
	}

}
