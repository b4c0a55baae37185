package io.turnout.migration;

import java.time.LocalDate;
import java.util.List;

import io.turnout.usecases.UseCase;

/**
 * The parity check of migration.md: the tables a use case writes, compared with their
 * shadow copies for one closed day.
 *
 * <p>
 * {@code failed_events} is not compared: a failure has no business date (it is a message
 * that may not even have a timestamp), so it has no day to compare by. The events use
 * case's parity is that of the rows it accepted.
 */
public final class CheckParity {

	private final ParityTables tables;

	public CheckParity(ParityTables tables) {
		this.tables = tables;
	}

	public DayParity check(UseCase useCase, LocalDate day) {
		List<TableParity> results = comparedTables(useCase).stream()
			.map(table -> this.tables.compare(table, day))
			.toList();
		return new DayParity(useCase, day, results);
	}

	/** The tables whose days are compared. */
	public static List<String> comparedTables(UseCase useCase) {
		return useCase.tables().stream().filter(table -> !table.equals("failed_events")).toList();
	}

}
