package io.turnout.migration;

import java.time.LocalDate;

/** The warehouse port of the parity check: compares a table and its shadow copy. */
public interface ParityTables {

	/**
	 * Compares the rows of one day in a table and in its {@code _shadow} copy, by the
	 * table's key, ignoring the columns that record processing time ({@code received_at},
	 * {@code *_processed_at}).
	 */
	TableParity compare(String table, LocalDate day);

}
