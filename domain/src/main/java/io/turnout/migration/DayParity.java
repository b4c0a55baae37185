package io.turnout.migration;

import java.time.LocalDate;
import java.util.List;

import io.turnout.usecases.UseCase;

/** The parity of one use case's tables for one closed day. */
public record DayParity(UseCase useCase, LocalDate day, List<TableParity> tables) {

	public DayParity {
		tables = List.copyOf(tables);
	}

	public boolean passed() {
		return this.tables.stream().allMatch(TableParity::passed);
	}

}
