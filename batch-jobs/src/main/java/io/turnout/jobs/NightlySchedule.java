package io.turnout.jobs;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.turnout.jobs.NightlyJobs.JobRun;
import io.turnout.usecases.Mode;
import io.turnout.usecases.Modes;
import io.turnout.usecases.UseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in scheduler of {@code serve} (migration.md): once the day has closed and the
 * grace time has passed (02:00 UTC by default), it runs the nightly jobs of the use cases
 * in {@code batch} mode, in dependency order, for the day that just closed. A job whose
 * dependency failed is not run; a failed job is tried again at the next check (it
 * restarts where it stopped); a completed day is not run again. A day before the lake's
 * first partition (a new installation's yesterday) is not run: nothing was collected
 * then. That is logged once, as a warning naming the first partition, since a lake path
 * set wrong looks the same.
 */
public class NightlySchedule {

	private static final Logger log = LoggerFactory.getLogger(NightlySchedule.class);

	/** Runs one use case for one day; {@link NightlyJobs#run} in production. */
	@FunctionalInterface
	public interface DayJobs {

		JobRun run(String useCase, LocalDate day, boolean rerun);

	}

	private final DayJobs jobs;

	private final Modes modes;

	private final Clock clock;

	private final LocalTime graceUntil;

	private final Supplier<Optional<LocalDate>> firstLakeDay;

	private LocalDate uncollectedDayLogged;

	/**
	 * @param firstLakeDay the lake's first partition, empty while it has none
	 */
	public NightlySchedule(DayJobs jobs, Modes modes, Clock clock, LocalTime graceUntil,
			Supplier<Optional<LocalDate>> firstLakeDay) {
		this.jobs = jobs;
		this.modes = modes;
		this.clock = clock;
		this.graceUntil = graceUntil;
		this.firstLakeDay = firstLakeDay;
	}

	/**
	 * Runs what is due now; returns the use cases it ran (or found complete), in order.
	 */
	public List<String> runDue() {
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(ZoneOffset.UTC));
		if (now.toLocalTime().isBefore(this.graceUntil)) {
			return List.of();
		}
		LocalDate closedDay = now.toLocalDate().minusDays(1);
		Optional<LocalDate> firstLakeDay = this.firstLakeDay.get();
		if (firstLakeDay.isEmpty() || closedDay.isBefore(firstLakeDay.get())) {
			if (!closedDay.equals(this.uncollectedDayLogged)) {
				log.warn(
						"day {}: nightly jobs not run, nothing was collected that day: the lake's first partition is {} "
								+ "(check turnout.lake.path if the lake should hold it)",
						closedDay, firstLakeDay.map(LocalDate::toString).orElse("none yet"));
				this.uncollectedDayLogged = closedDay;
			}
			return List.of();
		}
		List<String> ran = new ArrayList<>();
		Set<UseCase> notDone = new HashSet<>();
		for (UseCase useCase : UseCase.values()) {
			if (this.modes.modeOf(useCase) == Mode.STREAMING) {
				continue;
			}
			if (useCase.dependsOn().stream().anyMatch(notDone::contains)) {
				notDone.add(useCase);
				log.warn("use case {}, day {}: not run, a use case it depends on did not complete", useCase.code(),
						closedDay);
				continue;
			}
			JobRun run = this.jobs.run(useCase.code(), closedDay, false);
			if (run.outcome() == JobRun.Outcome.FAILED) {
				notDone.add(useCase);
				log.error("use case {}, day {}: nightly job failed, tried again at the next check: {}", useCase.code(),
						closedDay, run.message());
			}
			else {
				ran.add(useCase.code());
			}
		}
		return ran;
	}

}
