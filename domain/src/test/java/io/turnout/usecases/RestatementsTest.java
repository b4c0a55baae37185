package io.turnout.usecases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import io.turnout.events.IdentityLink;
import io.turnout.sessions.SessionKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * migration.md, late events: what a stored batch restates, within 48 hours of lateness.
 */
class RestatementsTest {

	private static final Duration LATENESS = Duration.ofHours(48);

	private static LocalDate d(String day) {
		return LocalDate.parse(day);
	}

	private static SessionKeys keys(String... keys) {
		return SessionKeys.of(List.of(keys));
	}

	@Test
	void anEventRestatesItsSessionKeyOnItsDayAndAttributionTheSevenDaysAfterUpToTheWatermark() {
		Map<UseCase, SortedMap<LocalDate, SessionKeys>> slices = Restatements.of(
				Map.of(d("2026-03-02"), Map.of("anon-1", Instant.parse("2026-03-02T10:00:00Z"))), List.of(),
				Instant.parse("2026-03-04T10:00:00Z"), LATENESS);

		SessionKeys changed = SessionKeys.since(Map.of("anon-1", Instant.parse("2026-03-02T10:00:00Z")));
		assertThat(slices.get(UseCase.SESSIONS)).containsExactly(Map.entry(d("2026-03-02"), changed));
		assertThat(slices.get(UseCase.CART_ABANDONMENT)).containsExactly(Map.entry(d("2026-03-02"), changed));
		assertThat(slices.get(UseCase.ATTRIBUTION)).containsOnlyKeys(d("2026-03-02"), d("2026-03-03"), d("2026-03-04"))
			.allSatisfy((day, keys) -> assertThat(keys.isAll()).isTrue());
		assertThat(slices.get(UseCase.REVENUE_DAILY)).containsOnlyKeys(d("2026-03-02"), d("2026-03-03"),
				d("2026-03-04"));
	}

	@Test
	void aLateIdentityLinkRestatesItsAnonymousIdFromItsDayOn() {
		Map<UseCase, SortedMap<LocalDate, SessionKeys>> slices = Restatements.of(
				Map.of(d("2026-03-04"), Map.of("user:u", Instant.parse("2026-03-04T09:00:00Z"))),
				List.of(new IdentityLink("a", "u", Instant.parse("2026-03-02T09:30:00Z"), "e")),
				Instant.parse("2026-03-04T10:00:00Z"), LATENESS);

		assertThat(slices.get(UseCase.SESSIONS)).containsExactly(Map.entry(d("2026-03-02"), keys("a")),
				Map.entry(d("2026-03-03"), keys("a")), Map.entry(d("2026-03-04"), SessionKeys
					.since(Map.of("a", SessionKeys.WHOLE_DAY, "user:u", Instant.parse("2026-03-04T09:00:00Z")))));
	}

	@Test
	void restatingSessionsOfSomeKeysRestatesTheCartsOfThoseKeysAndAttributionByWholeDays() {
		Map<UseCase, SortedMap<LocalDate, SessionKeys>> after = Restatements.after(UseCase.SESSIONS, d("2026-03-02"),
				keys("anon-1"), Instant.parse("2026-03-03T10:00:00Z"));

		assertThat(after.get(UseCase.CART_ABANDONMENT)).containsExactly(Map.entry(d("2026-03-02"), keys("anon-1")));
		assertThat(after.get(UseCase.ATTRIBUTION)).containsOnlyKeys(d("2026-03-02"), d("2026-03-03"));
		assertThat(Restatements.after(UseCase.ATTRIBUTION, d("2026-03-02"), SessionKeys.all(),
				Instant.parse("2026-03-03T10:00:00Z")))
			.containsOnlyKeys(UseCase.REVENUE_DAILY);
	}

	@Test
	void keysOfOneDayAddUpFromTheirEarliestChangeAndAWholeDayCoversThemAll() {
		SessionKeys at10 = SessionKeys.since(Map.of("a", Instant.parse("2026-03-02T10:00:00Z")));
		SessionKeys at9 = SessionKeys.since(Map.of("a", Instant.parse("2026-03-02T09:00:00Z")));

		assertThat(keys("a").union(keys("b"))).isEqualTo(keys("a", "b"));
		assertThat(at10.union(at9)).isEqualTo(at9);
		assertThat(at10.union(keys("a"))).isEqualTo(keys("a"));
		assertThat(keys("a").union(SessionKeys.all()).isAll()).isTrue();
	}

	@Test
	void aDayIsRestatedUntil48HoursAfterItsEndAndNotAfter() {
		assertThat(Restatements
			.of(Map.of(d("2026-03-02"), Map.of("a", Instant.parse("2026-03-02T23:00:00Z"))), List.of(),
					Instant.parse("2026-03-05T00:00:00Z"), LATENESS)
			.get(UseCase.SESSIONS)).containsOnlyKeys(d("2026-03-02"));
		assertThat(Restatements
			.of(Map.of(d("2026-03-02"), Map.of("a", Instant.parse("2026-03-02T23:00:00Z"))), List.of(),
					Instant.parse("2026-03-05T00:00:00.000001Z"), LATENESS)
			.get(UseCase.SESSIONS)).isEmpty();
	}

}
