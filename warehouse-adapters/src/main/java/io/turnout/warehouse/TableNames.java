package io.turnout.warehouse;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

import io.turnout.usecases.Mode;
import io.turnout.usecases.Modes;
import io.turnout.usecases.UseCase;

/**
 * Which copy of each table one side of a use case reads and writes (migration.md, Modes).
 *
 * <p>
 * The nightly jobs always use the tables themselves. The streaming functions use {@code
 *
<table>
 * _shadow} for the tables of every use case in {@code shadow}, and the tables themselves
 * for the others: a use case in shadow reads what its dependencies' streaming side wrote.
 * {@code orders} has two writers: its rows come from the {@code events} use case and
 * their placement in sessions from {@code sessions}, so the streaming side's placed
 * orders are in {@code orders_shadow} when either runs shadow.
 *
 * <p>
 * Resolve once per transaction ({@link #resolve()}), so that a change of mode never
 * splits one.
 */
public final class TableNames {

	/** The schema of the tables unless configured otherwise (always, in DuckDB). */
	public static final String DEFAULT_SCHEMA = "marketing";

	private static final String SHADOW = "_shadow";

	private final String schema;

	private final Supplier<Set<UseCase>> shadowed;

	private TableNames(String schema, Supplier<Set<UseCase>> shadowed) {
		this.schema = schema;
		this.shadowed = shadowed;
	}

	/** The nightly jobs' names: always the tables BI tools read. */
	public static TableNames batchSide() {
		return batchSide(DEFAULT_SCHEMA);
	}

	/** The nightly jobs' names, in a schema (a Snowflake schema, a BigQuery dataset). */
	public static TableNames batchSide(String schema) {
		return new TableNames(schema, () -> Set.of());
	}

	/** The streaming functions' names, following each use case's mode at the time. */
	public static TableNames streamingSide(Modes modes) {
		return streamingSide(modes, DEFAULT_SCHEMA);
	}

	/** The streaming functions' names in a schema. */
	public static TableNames streamingSide(Modes modes, String schema) {
		return new TableNames(schema, () -> {
			Set<UseCase> shadowed = EnumSet.noneOf(UseCase.class);
			for (UseCase useCase : UseCase.values()) {
				if (modes.modeOf(useCase) == Mode.SHADOW) {
					shadowed.add(useCase);
				}
			}
			return shadowed;
		});
	}

	/** The names for one transaction. */
	public Resolved resolve() {
		return new Resolved(this.schema, this.shadowed.get());
	}

	/** The shadow copy of a table. */
	public static String shadowOf(String table) {
		return table + SHADOW;
	}

	/** The names of one transaction. */
	public static final class Resolved {

		private final String schema;

		private final Set<UseCase> shadowed;

		Resolved(String schema, Set<UseCase> shadowed) {
			this.schema = schema;
			this.shadowed = shadowed;
		}

		/** The schema-qualified name of a table's copy. */
		public String of(String table) {
			return this.schema + "." + table(table);
		}

		/** The unqualified name of a table's copy, in {@link #schema()}. */
		public String table(String table) {
			return this.shadowed.contains(UseCase.writing(table)) ? shadowOf(table) : table;
		}

		/** The schema-qualified name of the orders with their placement in sessions. */
		public String placedOrders() {
			return this.schema + "." + placedOrdersTable();
		}

		public String placedOrdersTable() {
			return (this.shadowed.contains(UseCase.EVENTS) || this.shadowed.contains(UseCase.SESSIONS))
					? shadowOf("orders") : "orders";
		}

		public String schema() {
			return this.schema;
		}

	}

}
