package io.turnout.migration;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * migration.md: a switch to streaming starts at the first day the nightly job left open.
 */
class HandOverTest {

	@Test
	void theFirstOpenDayFollowsTheLastCompletedOne() {
		assertThat(HandOver.firstOpenDay(Optional.of(LocalDate.parse("2026-06-02"))))
			.contains(LocalDate.parse("2026-06-03"));
		assertThat(HandOver.firstOpenDay(Optional.empty())).isEmpty();
	}

	@Test
	void theTopicIsReplayedFromTheStartOfThatDayMinusTheAllowedLateness() {
		assertThat(HandOver.replayFrom(LocalDate.parse("2026-06-03"), Duration.ofHours(48)))
			.isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
	}

}
