package io.turnout.events;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failure reason of events.md, in the order they apply, each with the message that
 * triggers it.
 */
class EventValidationTest {

	private static final String T = "\"timestamp\":\"2026-03-01T10:00:00Z\",\"receivedAt\":\"2026-03-01T10:00:05Z\"";

	private final EventValidation validation = new EventValidation();

	static Stream<Arguments> failures() {
		return Stream.of(Arguments.of("a lake line that is not JSON", "{\"type\":", "invalid_json"),
				Arguments.of("NaN is not JSON", "{\"type\":\"track\",\"x\":NaN}", "invalid_json"),
				Arguments.of("trailing garbage after the document", "{\"type\":\"page\"} x", "invalid_json"),
				Arguments.of("two documents on one line", "{} {}", "invalid_json"),
				Arguments.of("JSON that is an array", "[1,2]", "not_an_object"),
				Arguments.of("JSON that is a string", "\"track\"", "not_an_object"),
				Arguments.of("type missing", "{\"anonymousId\":\"a\"," + T + "}", "unknown_type"),
				Arguments.of("type not one of the six", "{\"type\":\"hover\",\"anonymousId\":\"a\"," + T + "}",
						"unknown_type"),
				Arguments.of("type is case-sensitive",
						"{\"type\":\"Track\",\"event\":\"x\",\"anonymousId\":\"a\"," + T + "}", "unknown_type"),
				Arguments.of("neither userId nor anonymousId", "{\"type\":\"page\"," + T + "}", "missing_identity"),
				Arguments.of("empty strings are no ids",
						"{\"type\":\"page\",\"userId\":\"\",\"anonymousId\":\"\"," + T + "}", "missing_identity"),
				Arguments.of("null ids are absent",
						"{\"type\":\"page\",\"userId\":null,\"anonymousId\":null," + T + "}", "missing_identity"),
				Arguments.of("a boolean id alone is no identity", "{\"type\":\"page\",\"userId\":true," + T + "}",
						"missing_identity"),
				Arguments.of("a track without event", "{\"type\":\"track\",\"anonymousId\":\"a\"," + T + "}",
						"missing_event_name"),
				Arguments.of("a track with an empty event",
						"{\"type\":\"track\",\"event\":\"\",\"anonymousId\":\"a\"," + T + "}", "missing_event_name"),
				Arguments.of("properties not an object",
						"{\"type\":\"page\",\"anonymousId\":\"a\",\"properties\":[]," + T + "}", "invalid_field"),
				Arguments.of("context not an object",
						"{\"type\":\"page\",\"anonymousId\":\"a\",\"context\":\"web\"," + T + "}", "invalid_field"),
				Arguments.of("traits not an object", "{\"type\":\"identify\",\"userId\":\"u\",\"traits\":1," + T + "}",
						"invalid_field"),
				Arguments.of("userId of the wrong type beside a good anonymousId",
						"{\"type\":\"page\",\"anonymousId\":\"a\",\"userId\":{}," + T + "}", "invalid_field"),
				Arguments.of("messageId of the wrong type",
						"{\"type\":\"page\",\"anonymousId\":\"a\",\"messageId\":true," + T + "}", "invalid_field"),
				Arguments.of("groupId of the wrong type",
						"{\"type\":\"group\",\"anonymousId\":\"a\",\"groupId\":[1]," + T + "}", "invalid_field"),
				Arguments.of("previousId of the wrong type",
						"{\"type\":\"alias\",\"userId\":\"u\",\"previousId\":false," + T + "}", "invalid_field"),
				Arguments.of("timestamp not ISO-8601",
						"{\"type\":\"page\",\"anonymousId\":\"a\",\"timestamp\":\"yesterday\"}", "invalid_timestamp"),
				Arguments.of("a space for T",
						"{\"type\":\"page\",\"anonymousId\":\"a\",\"timestamp\":\"2026-03-01 10:00:00Z\"}",
						"invalid_timestamp"),
				Arguments.of("a date alone", "{\"type\":\"page\",\"anonymousId\":\"a\",\"timestamp\":\"2026-03-01\"}",
						"invalid_timestamp"),
				Arguments.of("an offset without colon",
						"{\"type\":\"page\",\"anonymousId\":\"a\",\"timestamp\":\"2026-03-01T10:00:00+0200\"}",
						"invalid_timestamp"),
				Arguments.of("an impossible date",
						"{\"type\":\"page\",\"anonymousId\":\"a\",\"timestamp\":\"2026-02-30T10:00:00Z\"}",
						"invalid_timestamp"),
				Arguments.of("originalTimestamp present but bad",
						"{\"type\":\"page\",\"anonymousId\":\"a\",\"originalTimestamp\":12345}", "invalid_timestamp"),
				Arguments.of("no usable time at all", "{\"type\":\"page\",\"anonymousId\":\"a\"}", "invalid_timestamp"),
				Arguments.of("more than 24 hours after receivedAt",
						"{\"type\":\"page\",\"anonymousId\":\"a\",\"timestamp\":\"2026-03-02T10:00:05.000001Z\",\"receivedAt\":\"2026-03-01T10:00:05Z\"}",
						"timestamp_in_future"),
				Arguments.of("an Order Completed without order_id",
						"{\"type\":\"track\",\"event\":\"Order Completed\",\"anonymousId\":\"a\",\"properties\":{\"revenue\":1},"
								+ T + "}",
						"missing_order_id"),
				Arguments.of("an Order Completed without revenue or total",
						"{\"type\":\"track\",\"event\":\"Order Completed\",\"anonymousId\":\"a\",\"properties\":{\"order_id\":\"o\"},"
								+ T + "}",
						"invalid_revenue"),
				Arguments.of("a negative revenue",
						"{\"type\":\"track\",\"event\":\"Order Completed\",\"anonymousId\":\"a\",\"properties\":{\"order_id\":\"o\",\"revenue\":-0.01},"
								+ T + "}",
						"invalid_revenue"),
				Arguments.of("a numeric string is not a number",
						"{\"type\":\"track\",\"event\":\"Order Completed\",\"anonymousId\":\"a\",\"properties\":{\"order_id\":\"o\",\"revenue\":\"12\"},"
								+ T + "}",
						"invalid_revenue"),
				Arguments.of("a present but invalid revenue fails even with a valid total",
						"{\"type\":\"track\",\"event\":\"Order Completed\",\"anonymousId\":\"a\",\"properties\":{\"order_id\":\"o\",\"revenue\":true,\"total\":5},"
								+ T + "}",
						"invalid_revenue"),
				Arguments.of("a revenue too large for DECIMAL(18,4)",
						"{\"type\":\"track\",\"event\":\"Order Completed\",\"anonymousId\":\"a\",\"properties\":{\"order_id\":\"o\",\"revenue\":1e400},"
								+ T + "}",
						"invalid_revenue"));
	}

	@ParameterizedTest(name = "{0} -> {2}")
	@MethodSource("failures")
	void failsWithTheFirstReasonThatApplies(String why, String raw, String reason) {
		Outcome outcome = this.validation.validate(raw);

		assertThat(outcome).isInstanceOf(Outcome.Failed.class);
		FailedEvent failure = ((Outcome.Failed) outcome).failure();
		assertThat(failure.reason().code()).isEqualTo(reason);
		assertThat(failure.detail()).isNotBlank();
		assertThat(failure.raw()).isEqualTo(raw);
		assertThat(failure.failureId()).isEqualTo(Hashes.md5(raw));
	}

	@Test
	void aMessageOver32768BytesIsTooLargeAndOneAtTheLimitIsNot() {
		String prefix = "{\"type\":\"page\",\"anonymousId\":\"a\"," + T + ",\"properties\":{\"pad\":\"";
		String suffix = "\"}}";
		String atLimit = prefix + "x".repeat(32768 - prefix.length() - suffix.length()) + suffix;
		String overLimit = prefix + "x".repeat(32769 - prefix.length() - suffix.length()) + suffix;

		assertThat(EventValidation.utf8Length(atLimit)).isEqualTo(32768);
		assertThat(this.validation.validate(atLimit)).isInstanceOf(Outcome.Accepted.class);
		assertThat(((Outcome.Failed) this.validation.validate(overLimit)).failure().reason())
			.isEqualTo(FailureReason.MESSAGE_TOO_LARGE);
	}

	@Test
	void sizeIsCountedInUtf8Bytes() {
		assertThat(EventValidation.utf8Length("aé€😀")).isEqualTo(1 + 2 + 3 + 4);
	}

	@Test
	void aFailureKeepsWhatCouldBeRead() {
		String raw = "{\"type\":\"hover\",\"anonymousId\":\"a\",\"messageId\":42,\"sourceId\":\"web\","
				+ "\"receivedAt\":\"2026-03-01T10:00:05Z\"}";

		FailedEvent failure = ((Outcome.Failed) this.validation.validate(raw)).failure();

		assertThat(failure.eventId()).isEqualTo("42");
		assertThat(failure.sourceId()).isEqualTo("web");
		assertThat(failure.receivedAt()).hasToString("2026-03-01T10:00:05Z");
		assertThat(failure.detail()).contains("\"hover\"", "track");
	}

	@Test
	void exactlyTwentyFourHoursAheadIsStillAccepted() {
		String raw = "{\"type\":\"page\",\"anonymousId\":\"a\",\"timestamp\":\"2026-03-02T10:00:05Z\","
				+ "\"receivedAt\":\"2026-03-01T10:00:05Z\"}";

		assertThat(this.validation.validate(raw)).isInstanceOf(Outcome.Accepted.class);
	}

}
