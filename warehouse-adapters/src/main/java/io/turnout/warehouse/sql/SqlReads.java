package io.turnout.warehouse.sql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import io.turnout.events.IdentityLink;
import io.turnout.events.OrderRow;
import io.turnout.warehouse.TableNames;
import io.turnout.warehouse.schema.TableSpec;
import io.turnout.warehouse.schema.WarehouseDialect;

/** Reads more than one use case makes, within the caller's transaction. */
final class SqlReads {

	static final String KEYS = "turnout_stage_keys";

	private SqlReads() {
	}

	/** Every identity link of these anonymous ids. */
	static List<IdentityLink> identityLinksOf(SqlTransaction sql, WarehouseDialect dialect, TableNames.Resolved names,
			TableSpec links, Collection<String> anonymousIds) {
		stageKeys(sql, dialect, anonymousIds);
		return sql
			.query("SELECT anonymous_id, user_id, event_time, event_id FROM " + names.of("identity_links")
					+ " WHERE anonymous_id IN (SELECT k FROM " + KEYS + ") AND " + dialect.everyDay(links, null))
			.stream()
			.map(row -> new IdentityLink((String) row[0], (String) row[1], SqlEventWarehouse.instant(row[2]),
					(String) row[3]))
			.toList();
	}

	/** The orders of a table matching a condition. */
	static List<OrderRow> orders(SqlTransaction sql, String table, String where, Object... parameters) {
		return sql
			.query("SELECT " + SqlSessionWarehouse.ORDER_COLUMNS + " FROM " + table + " WHERE " + where, parameters)
			.stream()
			.map(row -> new OrderRow((String) row[0], (String) row[1], SqlEventWarehouse.instant(row[2]),
					SqlEventWarehouse.date(row[3]), (String) row[4], (String) row[5], (String) row[6], (String) row[7],
					(BigDecimal) row[8], (String) row[9], ((Number) row[10]).intValue()))
			.toList();
	}

	/**
	 * Replaces the rows of a table that meet a condition on the day (its one parameter)
	 * with the given rows: a delete and a bulk load in the caller's transaction.
	 */
	static void replaceRows(SqlTransaction sql, String table, TableSpec spec, String where, LocalDate day,
			List<Object[]> rows) {
		sql.execute("DELETE FROM " + table + " WHERE " + where, day);
		sql.load(table, spec, rows);
	}

	/** Loads keys into the key staging table, emptied first. */
	static void stageKeys(SqlTransaction sql, WarehouseDialect dialect, Collection<String> keys) {
		sql.execute(dialect.createKeyStage(KEYS));
		sql.execute(dialect.emptyStage(KEYS));
		sql.loadKeys(KEYS, List.copyOf(keys));
	}

}
