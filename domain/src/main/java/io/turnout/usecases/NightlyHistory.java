package io.turnout.usecases;

import java.time.LocalDate;
import java.util.Optional;

/** What the nightly jobs have done: where a hand-over to streaming starts. */
@FunctionalInterface
public interface NightlyHistory {

	/** The latest business date whose nightly job of this use case completed. */
	Optional<LocalDate> lastCompletedDay(UseCase useCase);

}
