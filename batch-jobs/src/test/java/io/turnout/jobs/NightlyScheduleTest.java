package io.turnout.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.turnout.jobs.NightlyJobs.JobRun;
import io.turnout.usecases.Mode;
import io.turnout.usecases.UseCase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * migration.md: the nightly jobs of batch use cases, in dependency order, for the day
 * that just closed.
 */
class NightlyScheduleTest {

	private final List<String> calls = new ArrayList<>();

	private Optional<LocalDate> firstLakeDay = Optional.of(LocalDate.parse("2026-03-01"));

	private NightlySchedule schedule(String now, Map<UseCase, Mode> modes, String failing) {
		return new NightlySchedule((useCase, day, rerun) -> {
			this.calls.add(useCase + " " + day + (rerun ? " rerun" : ""));
			return useCase.equals(failing) ? new JobRun(JobRun.Outcome.FAILED, "boom")
					: new JobRun(JobRun.Outcome.COMPLETED, "ok");
		}, useCase -> modes.getOrDefault(useCase, Mode.BATCH), Clock.fixed(Instant.parse(now), ZoneOffset.UTC),
				LocalTime.parse("02:00"), () -> this.firstLakeDay);
	}

	@Test
	void nothingRunsBeforeTheGraceTime() {
		assertThat(schedule("2026-03-03T01:59:59Z", Map.of(), null).runDue()).isEmpty();
		assertThat(this.calls).isEmpty();
	}

	@Test
	void afterTheGraceTimeEveryBatchUseCaseRunsInDependencyOrderForTheClosedDay() {
		schedule("2026-03-03T02:00:00Z", Map.of(), null).runDue();

		assertThat(this.calls).containsExactly("events 2026-03-02", "sessions 2026-03-02", "attribution 2026-03-02",
				"revenue-daily 2026-03-02", "cart-abandonment 2026-03-02");
	}

	@Test
	void streamingUseCasesAreNotScheduled() {
		schedule("2026-03-03T03:00:00Z", Map.of(UseCase.EVENTS, Mode.STREAMING), null).runDue();

		assertThat(this.calls).containsExactly("sessions 2026-03-02", "attribution 2026-03-02",
				"revenue-daily 2026-03-02", "cart-abandonment 2026-03-02");
	}

	@Test
	void aDayBeforeTheLakesFirstPartitionIsNotRunNothingWasCollectedThen() {
		this.firstLakeDay = Optional.of(LocalDate.parse("2026-03-03"));
		assertThat(schedule("2026-03-03T02:00:00Z", Map.of(), null).runDue()).isEmpty();

		this.firstLakeDay = Optional.empty();
		assertThat(schedule("2026-03-03T02:00:00Z", Map.of(), null).runDue()).isEmpty();

		assertThat(this.calls).isEmpty();
	}

	@Test
	void theDayOfTheLakesFirstPartitionRuns() {
		this.firstLakeDay = Optional.of(LocalDate.parse("2026-03-02"));

		schedule("2026-03-03T02:00:00Z", Map.of(), null).runDue();

		assertThat(this.calls).startsWith("events 2026-03-02");
	}

	@Test
	void aFailedJobHoldsBackWhatDependsOnIt() {
		List<String> ran = schedule("2026-03-03T02:10:00Z", Map.of(), "sessions").runDue();

		assertThat(this.calls).containsExactly("events 2026-03-02", "sessions 2026-03-02");
		assertThat(ran).containsExactly("events");
	}

}
