package io.turnout.usecases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import io.turnout.events.IdentityLink;
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

	@Test
	void anEventRestatesItsDayAndAttributionTheSevenDaysAfterUpToTheWatermark() {
		Map<UseCase, SortedSet<LocalDate>> slices = Restatements.of(Set.of(d("2026-03-02")), List.of(),
				Instant.parse("2026-03-04T10:00:00Z"), LATENESS);

		assertThat(slices.get(UseCase.SESSIONS)).containsExactly(d("2026-03-02"));
		assertThat(slices.get(UseCase.CART_ABANDONMENT)).containsExactly(d("2026-03-02"));
		assertThat(slices.get(UseCase.ATTRIBUTION)).containsExactly(d("2026-03-02"), d("2026-03-03"), d("2026-03-04"));
		assertThat(slices.get(UseCase.REVENUE_DAILY)).containsExactly(d("2026-03-02"), d("2026-03-03"),
				d("2026-03-04"));
	}

	@Test
	void aLateIdentityLinkRestatesFromItsDayOn() {
		Map<UseCase, SortedSet<LocalDate>> slices = Restatements.of(Set.of(d("2026-03-04")),
				List.of(new IdentityLink("a", "u", Instant.parse("2026-03-02T09:30:00Z"), "e")),
				Instant.parse("2026-03-04T10:00:00Z"), LATENESS);

		assertThat(slices.get(UseCase.SESSIONS)).containsExactly(d("2026-03-02"), d("2026-03-03"), d("2026-03-04"));
	}

	@Test
	void aDayIsRestatedUntil48HoursAfterItsEndAndNotAfter() {
		assertThat(Restatements.of(Set.of(d("2026-03-02")), List.of(), Instant.parse("2026-03-05T00:00:00Z"), LATENESS)
			.get(UseCase.SESSIONS)).containsExactly(d("2026-03-02"));
		assertThat(Restatements
			.of(Set.of(d("2026-03-02")), List.of(), Instant.parse("2026-03-05T00:00:00.000001Z"), LATENESS)
			.get(UseCase.SESSIONS)).isEmpty();
	}

}
