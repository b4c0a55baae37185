package io.turnout.usecases;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The stream's event-time watermark, and when it passed each time. */
class WatermarkTest {

	private static Instant t(String time) {
		return Instant.parse("2026-03-02T" + time + "Z");
	}

	@Test
	void theWatermarkIsTheGreatestEventTimeStoredAndNeverGoesBack() {
		Watermark watermark = new Watermark(Duration.ofHours(72));
		watermark.advance(t("10:00:00"), t("10:00:01"));
		watermark.advance(t("09:00:00"), t("10:00:02"));

		assertThat(watermark.current()).contains(t("10:00:00"));
	}

	@Test
	void itTellsWhenItFirstPassedATime() {
		Watermark watermark = new Watermark(Duration.ofHours(72));
		watermark.advance(t("10:00:00"), t("10:00:01"));
		watermark.advance(t("10:20:00"), t("10:20:03"));
		watermark.advance(t("10:45:00"), t("10:45:02"));

		assertThat(watermark.reachedAt(t("10:30:00"))).as("passed by the 10:45 event").contains(t("10:45:02"));
		assertThat(watermark.reachedAt(t("10:20:00"))).contains(t("10:20:03"));
		assertThat(watermark.reachedAt(t("11:00:00"))).as("not yet").isEmpty();
		assertThat(watermark.reachedAt(t("09:00:00"))).as("before the stream started").isEmpty();
	}

	@Test
	void historyOlderThanItsHorizonIsForgotten() {
		Watermark watermark = new Watermark(Duration.ofHours(1));
		watermark.advance(t("08:00:00"), t("08:00:01"));
		watermark.advance(t("09:00:00"), t("09:00:01"));
		watermark.advance(t("10:30:00"), t("10:30:01"));

		assertThat(watermark.reachedAt(t("08:30:00"))).isEmpty();
		assertThat(watermark.reachedAt(t("10:00:00"))).contains(t("10:30:01"));
	}

}
