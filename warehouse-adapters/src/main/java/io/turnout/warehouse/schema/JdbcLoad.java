package io.turnout.warehouse.schema;

import java.util.List;

/**
 * How a JDBC batch of rows reaches a table: the statements before the batch, the
 * statement each row binds ({@code ?} per column, in order; sent as arrays by the
 * driver), and the statements after it.
 *
 * @param before run once before the batch (creating or emptying a staging table)
 * @param row the statement of one row
 * @param after run once after the batch (copying the staged rows into the table)
 */
public record JdbcLoad(List<String> before, String row, List<String> after) {

	/** Rows inserted straight into the table. */
	public static JdbcLoad direct(String row) {
		return new JdbcLoad(List.of(), row, List.of());
	}

}
