package io.turnout.usecases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.turnout.events.IngestReport;
import io.turnout.sessions.SessionKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming shell of the derived use cases: what it restates, in which order, and
 * what a failure holds back.
 */
class DerivedRestaterTest {

	private final List<String> restated = new ArrayList<>();

	private final List<String> lags = new ArrayList<>();

	private final List<SessionKeys> sessionSlices = new ArrayList<>();

	private String failing;

	private DerivedRestater restater(Mode mode) {
		LinkedHashMap<UseCase, DerivedRestater.SliceRestater> restaters = new LinkedHashMap<>();
		for (UseCase useCase : List.of(UseCase.SESSIONS, UseCase.ATTRIBUTION, UseCase.REVENUE_DAILY,
				UseCase.CART_ABANDONMENT)) {
			restaters.put(useCase, (day, keys) -> {
				if (useCase.code().equals(this.failing)) {
					throw new IllegalStateException("warehouse down");
				}
				this.restated.add(useCase.code() + " " + day);
				if (useCase == UseCase.SESSIONS) {
					this.sessionSlices.add(keys);
				}
			});
		}
		return new DerivedRestater(useCase -> mode, restaters, new Watermark(Duration.ofHours(72)),
				Duration.ofHours(48), (useCase, lag) -> this.lags.add(useCase.code()));
	}

	private static IngestReport stored(String day, String latestEventTime) {
		return stored(day, latestEventTime, "anon-1");
	}

	private static IngestReport stored(String day, String latestEventTime, String sessionKey) {
		return new IngestReport(1, 1, 0, Map.of(),
				Map.of(LocalDate.parse(day), Map.of(sessionKey, Instant.parse(latestEventTime))), List.of(),
				Instant.parse(latestEventTime));
	}

	@Test
	void onlyTheSessionKeysNewEventsTouchedAreRestatedOncePerDay() {
		DerivedRestater restater = restater(Mode.STREAMING);
		restater.record(stored("2026-03-02", "2026-03-02T12:00:00Z", "anon-1"), Instant.now());
		restater.record(stored("2026-03-02", "2026-03-02T12:00:01Z", "anon-2"), Instant.now());

		restater.restateStale();

		assertThat(this.restated).containsExactly("sessions 2026-03-02", "attribution 2026-03-02",
				"revenue-daily 2026-03-02", "cart-abandonment 2026-03-02");
		assertThat(this.sessionSlices).singleElement()
			.satisfies(keys -> assertThat(keys.keys()).containsExactlyInAnyOrder("anon-1", "anon-2"));
	}

	@Test
	void staleSlicesAreRestatedInDependencyOrderAndEachRestatementIsTimed() {
		DerivedRestater restater = restater(Mode.STREAMING);
		restater.record(stored("2026-03-02", "2026-03-02T12:00:00Z"), Instant.now());

		assertThat(restater.pending()).isEqualTo(4);
		restater.restateStale();

		assertThat(this.restated).containsExactly("sessions 2026-03-02", "attribution 2026-03-02",
				"revenue-daily 2026-03-02", "cart-abandonment 2026-03-02");
		assertThat(this.lags).containsExactly("sessions", "attribution", "revenue-daily", "cart-abandonment");
		assertThat(restater.pending()).isZero();
	}

	@Test
	void aBatchStoredWhileSessionsAreRestatedStillGetsItsDependentsRestatedAfterThem() {
		List<DerivedRestater> self = new ArrayList<>();
		LinkedHashMap<UseCase, DerivedRestater.SliceRestater> restaters = new LinkedHashMap<>();
		restaters.put(UseCase.SESSIONS, (day, keys) -> {
			this.restated.add("sessions " + day);
			if (this.restated.size() == 1) {
				// The stream stores another batch of the same day while sessions are
				// restated.
				self.get(0).record(stored("2026-03-02", "2026-03-02T13:00:00Z"), Instant.now());
			}
		});
		for (UseCase useCase : List.of(UseCase.ATTRIBUTION, UseCase.REVENUE_DAILY, UseCase.CART_ABANDONMENT)) {
			restaters.put(useCase, (day, keys) -> this.restated.add(useCase.code() + " " + day));
		}
		DerivedRestater restater = new DerivedRestater(useCase -> Mode.STREAMING, restaters,
				new Watermark(Duration.ofHours(72)), Duration.ofHours(48),
				(useCase, lag) -> this.lags.add(useCase.code()));
		self.add(restater);
		restater.record(stored("2026-03-02", "2026-03-02T12:00:00Z"), Instant.now());

		restater.restateStale();
		restater.restateStale();

		// #4: the last sessions restatement is followed by the dependents' restatements.
		List<String> afterLastSessions = this.restated.subList(this.restated.lastIndexOf("sessions 2026-03-02"),
				this.restated.size());
		assertThat(afterLastSessions).contains("attribution 2026-03-02", "revenue-daily 2026-03-02",
				"cart-abandonment 2026-03-02");
		assertThat(restater.pending()).isZero();
	}

	@Test
	void useCasesInBatchModeAreLeftToTheirNightlyJob() {
		DerivedRestater restater = restater(Mode.BATCH);
		restater.record(stored("2026-03-02", "2026-03-02T12:00:00Z"), Instant.now());

		restater.restateStale();

		assertThat(this.restated).isEmpty();
		assertThat(restater.pending()).isZero();
		// The stream's watermark still follows the events, for a later switch.
		assertThat(restater.watermarkDay()).contains(LocalDate.parse("2026-03-02"));
	}

	@Test
	void aFailureStaysStaleAndHoldsBackWhatDependsOnIt() {
		DerivedRestater restater = restater(Mode.STREAMING);
		restater.record(stored("2026-03-02", "2026-03-02T12:00:00Z"), Instant.now());
		this.failing = "sessions";

		restater.restateStale();

		assertThat(this.restated).isEmpty();
		assertThat(restater.pending()).isEqualTo(4);

		this.failing = null;
		restater.restateStale();

		assertThat(this.restated).hasSize(4);
		assertThat(this.lags).containsExactly("sessions", "attribution", "revenue-daily", "cart-abandonment");
	}

}
