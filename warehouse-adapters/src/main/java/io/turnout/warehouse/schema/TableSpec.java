package io.turnout.warehouse.schema;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One table of tables.md.
 *
 * @param name the table name
 * @param columns its columns, in order
 * @param dayColumn the column whose date is the row's business day, for partitioning and
 * day slices ({@code event_time} and {@code received_at} are timestamps: their date)
 */
public record TableSpec(String name, List<ColumnSpec> columns, String dayColumn) {

	public TableSpec {
		columns = List.copyOf(columns);
	}

	public List<String> keyColumns() {
		return this.columns.stream().filter(ColumnSpec::key).map(ColumnSpec::name).toList();
	}

	public List<String> columnNames() {
		return this.columns.stream().map(ColumnSpec::name).toList();
	}

	public ColumnSpec column(String name) {
		return this.columns.stream()
			.filter(column -> column.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No column '" + name + "' in " + this.name));
	}

	/**
	 * The columns as a table definition lists them ({@code name type, ...}), each typed
	 * by the given dialect's type.
	 */
	public String columnDefinitions(Function<ColumnSpec, String> type) {
		return this.columns.stream()
			.map(column -> column.name() + " " + type.apply(column))
			.collect(Collectors.joining(", "));
	}

	/** Whether the day column is a timestamp whose date is the day. */
	public boolean dayIsTimestamp() {
		return column(this.dayColumn).type().equals("TIMESTAMP");
	}

}
