package io.turnout.migration;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Where the streaming side starts when it takes tables over from the nightly jobs
 * (migration.md, Correctness across a switch): at the first day the nightly job did not
 * complete; the events function replays Kafka from the start of that day minus the
 * allowed lateness, so that nothing falls in a gap.
 */
public final class HandOver {

	private HandOver() {
	}

	/**
	 * The first day after the last one the nightly job completed; empty if it never ran.
	 */
	public static Optional<LocalDate> firstOpenDay(Optional<LocalDate> lastCompletedDay) {
		return lastCompletedDay.map(day -> day.plusDays(1));
	}

	/** The record time the events function replays the topic from. */
	public static Instant replayFrom(LocalDate firstOpenDay, Duration allowedLateness) {
		return firstOpenDay.atStartOfDay(ZoneOffset.UTC).toInstant().minus(allowedLateness);
	}

}
