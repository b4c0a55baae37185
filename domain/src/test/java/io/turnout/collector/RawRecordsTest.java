package io.turnout.collector;

import java.time.Instant;
import java.util.List;

import io.turnout.json.Json;
import io.turnout.json.JsonValue;
import io.turnout.json.JsonValue.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** events.md, Raw topic: what the collector writes for each message it accepts. */
class RawRecordsTest {

	private static final Instant NOW = Instant.parse("2026-03-02T10:00:00.123456789Z");

	private static List<RawRecord> records(String body, String pathType) {
		return RawRecords.of(Json.parse(body), pathType, "web", NOW, () -> "generated-id");
	}

	private static JsonObject message(RawRecord record) {
		return (JsonObject) Json.parse(record.value());
	}

	@Test
	void aMessageAsReceivedGetsReceivedAtInMicrosecondsAndItsSource() {
		RawRecord record = records(
				"{\"batch\":[{\"type\":\"track\",\"messageId\":\"m1\",\"anonymousId\":\"a\",\"event\":\"E\","
						+ "\"properties\":{\"revenue\":1.10}}]}",
				null)
			.get(0);

		assertThat(record.value())
			.isEqualTo("{\"type\":\"track\",\"messageId\":\"m1\",\"anonymousId\":\"a\",\"event\":\"E\","
					+ "\"properties\":{\"revenue\":1.10},\"receivedAt\":\"2026-03-02T10:00:00.123456Z\",\"sourceId\":\"web\"}");
		assertThat(record.key()).isEqualTo("a");
	}

	@Test
	void theWriteKeyNeverTravelsAndSpoofedReceivedAtOrSourceAreReplaced() {
		RawRecord record = records(
				"{\"batch\":[{\"type\":\"page\",\"messageId\":\"m1\",\"userId\":42,\"writeKey\":\"secret\","
						+ "\"receivedAt\":\"1999-01-01T00:00:00Z\",\"sourceId\":\"other\"}]}",
				null)
			.get(0);

		assertThat(record.value()).doesNotContain("secret", "1999", "other");
		assertThat(message(record).get("sourceId")).isEqualTo(new JsonValue.JsonString("web"));
		assertThat(record.key()).isEqualTo("42");
	}

	@Test
	void aMessageWithoutMessageIdGetsOneAndThePathGivesTheType() {
		RawRecord record = records("{\"type\":\"page\",\"userId\":\"u\",\"messageId\":null}", "track").get(0);

		assertThat(message(record).get("messageId")).isEqualTo(new JsonValue.JsonString("generated-id"));
		assertThat(message(record).get("type")).isEqualTo(new JsonValue.JsonString("track"));
	}

	@Test
	void aBatchContextIsMergedShallowlyUnderEachMessagesOwnAndSentAtIsNotCopied() {
		List<RawRecord> batch = records(
				"{\"sentAt\":\"2026-03-02T09:59:59Z\",\"context\":{\"ip\":\"1.1.1.1\",\"locale\":\"en\"},"
						+ "\"batch\":[{\"messageId\":\"m1\",\"userId\":\"u\",\"context\":{\"locale\":\"de\",\"page\":{\"path\":\"/\"}}},"
						+ "{\"messageId\":\"m2\",\"userId\":\"u\"}]}",
				null);

		assertThat(Json.write(message(batch.get(0)).get("context")))
			.isEqualTo("{\"ip\":\"1.1.1.1\",\"locale\":\"de\",\"page\":{\"path\":\"/\"}}");
		assertThat(Json.write(message(batch.get(1)).get("context")))
			.isEqualTo("{\"ip\":\"1.1.1.1\",\"locale\":\"en\"}");
		assertThat(batch).allSatisfy(record -> assertThat(record.value()).doesNotContain("sentAt"));
	}

	@Test
	void aNonObjectElementIsKeptAsSentSoThatItFailsRatherThanVanishes() {
		List<RawRecord> batch = records("{\"batch\":[42,{\"messageId\":\"m\",\"userId\":\"u\"}]}", null);

		assertThat(batch).hasSize(2);
		assertThat(batch.get(0)).isEqualTo(new RawRecord(null, "42"));
	}

	@Test
	void aRequestThatIsNotAnObjectOrABatchWithoutArrayIsRefused() {
		assertThatThrownBy(() -> records("[1]", "track")).hasMessageContaining("JSON object");
		assertThatThrownBy(() -> records("{\"batch\":{}}", null)).hasMessageContaining("'batch' array");
	}

}
