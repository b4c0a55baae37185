package io.turnout.events;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** events.md, accepted time forms: YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|+HH:MM|-HH:MM]. */
class TimestampsTest {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "2026-03-01T10:00, 2026-03-01T10:00:00Z", "2026-03-01T10:00Z, 2026-03-01T10:00:00Z",
			"2026-03-01T10:00:30, 2026-03-01T10:00:30Z", "2026-03-01T10:00:30.5, 2026-03-01T10:00:30.500Z",
			"2026-03-01T10:00:30.123456789Z, 2026-03-01T10:00:30.123456Z",
			"2026-03-01T10:00:30.1234567+02:00, 2026-03-01T08:00:30.123456Z",
			"2026-03-01T00:30:00-05:30, 2026-03-01T06:00:00Z", "2024-02-29T23:59:59Z, 2024-02-29T23:59:59Z" })
	void readsEveryAcceptedForm(String text, String instant) {
		assertThat(Timestamps.parse(text)).contains(Instant.parse(instant));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-03-01", "2026-03-01 10:00:00Z", "2026-03-01T10:00:00+0200", "2026-02-30T10:00:00Z",
			"2026-03-01T24:00:00Z", "2026-03-01T10:60:00Z", "2026-03-01T10:00:00.Z", "2026-03-01T10:00:00z",
			"2026-03-01t10:00:00Z", "2026-3-01T10:00:00Z", "2026-03-01T10:00:00ZZ", "2026-03-01T10:00:00+02",
			"2026-03-01T10:00:00+25:00", "yesterday", "", "2026-03-01T10:00:00 ", "+2026-03-01T10:00:00Z" })
	void refusesEverythingElse(String text) {
		assertThat(Timestamps.parse(text)).isEmpty();
	}

}
