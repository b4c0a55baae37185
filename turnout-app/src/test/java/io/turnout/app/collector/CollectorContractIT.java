package io.turnout.app.collector;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import io.turnout.app.testing.KafkaBroker;
import io.turnout.app.testing.RunningTurnout;
import io.turnout.json.Json;
import io.turnout.json.JsonValue;
import io.turnout.json.JsonValue.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.turnout.app.testing.RunningTurnout.WRITE_KEY;
import static io.turnout.app.testing.RunningTurnout.basic;
import static org.assertj.core.api.Assertions.assertThat;

/** The collector's HTTP contract of events.md, against a real Kafka broker. */
class CollectorContractIT {

	private static final String JSON = "application/json";

	@TempDir
	static Path home;

	static KafkaBroker kafka;

	static RunningTurnout turnout;

	@BeforeAll
	static void start() {
		kafka = KafkaBroker.start();
		turnout = RunningTurnout.serving(home, kafka.bootstrapServers(),
				Map.of("turnout.collector.sources.web.write-key-sha256",
						"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
						"turnout.collector.sources.web.allowed-origins", "https://shop.example.com",
						"turnout.collector.sources.test.allowed-origins", "https://shop.example.com",
						"server.jetty.connection-idle-timeout", "2s"));
	}

	@AfterAll
	static void stop() {
		turnout.close();
		kafka.close();
	}

	@Test
	void aTwoHundredMeansTheMessageIsInKafkaAsReceivedWithReceivedAtAndSource() {
		HttpResponse<String> response = turnout.post("/v1/track",
				"{\"type\":\"page\",\"event\":\"Signed Up\",\"anonymousId\":\"anon-200\",\"messageId\":\"msg-200\","
						+ "\"writeKey\":\"ignored\",\"receivedAt\":\"1999-01-01T00:00:00Z\",\"properties\":{\"revenue\":1.10}}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"success\":true}");
		ConsumerRecord<String, String> record = recordOf("msg-200");
		assertThat(record.key()).isEqualTo("anon-200");
		JsonObject message = (JsonObject) Json.parse(record.value());
		assertThat(message.get("type")).isEqualTo(new JsonValue.JsonString("track"));
		assertThat(message.get("sourceId")).isEqualTo(new JsonValue.JsonString("test"));
		assertThat(((JsonValue.JsonString) message.get("receivedAt")).value()).startsWith("20")
			.isNotEqualTo("1999-01-01T00:00:00Z");
		assertThat(message.members()).doesNotContainKey("writeKey");
		assertThat(record.value()).contains("\"revenue\":1.10");
	}

	@ParameterizedTest
	@ValueSource(strings = { "t", "p", "s", "i", "g", "a", "track", "page", "screen", "identify", "group", "alias" })
	void everySingleMessagePathAndItsShortAliasIsAccepted(String path) {
		assertThat(turnout.post("/v1/" + path, "{\"userId\":\"u-" + path + "\",\"event\":\"E\"}").statusCode())
			.isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "batch", "b", "import" })
	void aBatchMergesTheTopLevelContextUnderEachMessageAndAddsMissingMessageIds(String path) {
		String body = "{\"batch\":[{\"type\":\"track\",\"event\":\"A\",\"userId\":\"batch-" + path
				+ "\",\"context\":{\"ip\":\"1.2.3.4\",\"locale\":\"de\"}}],"
				+ "\"context\":{\"locale\":\"en\",\"library\":{\"name\":\"analytics-node\"}},\"sentAt\":\"2026-01-01T00:00:00Z\"}";

		assertThat(turnout.post("/v1/" + path, body).statusCode()).isEqualTo(200);

		ConsumerRecord<String, String> record = kafka.readAll("turnout.events.raw")
			.stream()
			.filter(r -> r.value().contains("\"batch-" + path + "\""))
			.findFirst()
			.orElseThrow();
		JsonObject message = (JsonObject) Json.parse(record.value());
		assertThat(Json.write(message.get("context")))
			.isEqualTo("{\"locale\":\"de\",\"library\":{\"name\":\"analytics-node\"},\"ip\":\"1.2.3.4\"}");
		assertThat(((JsonValue.JsonString) message.get("messageId")).value()).hasSize(36);
		assertThat(message.members()).doesNotContainKey("sentAt");
	}

	@Test
	void aBrowserMaySendTextPlainWithTheWriteKeyInTheBody() {
		HttpResponse<String> response = turnout.post("/v1/t",
				"{\"writeKey\":\"" + WRITE_KEY
						+ "\",\"anonymousId\":\"browser\",\"event\":\"E\",\"messageId\":\"msg-text\"}",
				Map.of("Content-Type", "text/plain;charset=UTF-8", "Origin", "https://shop.example.com"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(recordOf("msg-text").value()).doesNotContain(WRITE_KEY);
	}

	@Test
	void aSourceConfiguredByTheHashOfItsKeyIsRecognisedAndNamed() {
		// sha256("test") is configured for the source 'web'.
		HttpResponse<String> response = turnout.post("/v1/track",
				"{\"userId\":\"hash\",\"event\":\"E\",\"messageId\":\"msg-hash\"}",
				Map.of("Authorization", basic("test"), "Origin", "https://shop.example.com"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example.com");
		assertThat(recordOf("msg-hash").value()).contains("\"sourceId\":\"web\"");
	}

	@Test
	void theBasicSchemeNameIsCaseInsensitive() {
		String credentials = basic(WRITE_KEY).substring("Basic ".length());

		assertThat(turnout
			.post("/v1/track", "{\"userId\":\"u\",\"event\":\"E\"}", Map.of("Authorization", "bAsIc " + credentials))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void aMissingOrUnknownOrMisplacedWriteKeyGets401() {
		String body = "{\"userId\":\"u\",\"event\":\"E\"}";
		String asPassword = "Basic "
				+ java.util.Base64.getEncoder().encodeToString((":" + WRITE_KEY).getBytes(StandardCharsets.UTF_8));

		assertUnauthorized(turnout.post("/v1/track", body, Map.of()));
		assertUnauthorized(turnout.post("/v1/track", body, Map.of("Authorization", basic("unknown-key"))));
		assertUnauthorized(turnout.post("/v1/track", body, Map.of("Authorization", asPassword)));
		assertUnauthorized(turnout.post("/v1/track", body, Map.of("Authorization", "Bearer " + WRITE_KEY)));
		assertUnauthorized(turnout.post("/v1/track?writeKey=" + WRITE_KEY, body, Map.of()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "not json", "{\"userId\":NaN}", "{\"userId\":Infinity}", "{\"userId\":\"u\"} trailing",
			"{\"userId\":\"u\"}{\"userId\":\"v\"}", "" })
	void aBodyThatIsNotExactlyOneJsonDocumentGets400(String body) {
		HttpResponse<String> response = turnout.post("/v1/track", body);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains(JSON));
		assertThat(response.body()).contains("\"success\":false", "\"code\":\"invalid_json\"", "not JSON");
	}

	@Test
	void invalidUtf8Gets400() {
		byte[] body = { '{', '"', 'u', 's', 'e', 'r', 'I', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };

		HttpResponse<String> response = turnout.post("/v1/track", HttpRequest.BodyPublishers.ofByteArray(body),
				Map.of("Authorization", basic(WRITE_KEY)));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("UTF-8");
	}

	@Test
	void aBodyOf512000BytesIsTakenAndOneByteMoreIsRefusedWhole() {
		String exactly = paddedBatch(512_000, "limit-ok");
		String over = paddedBatch(512_001, "limit-over");

		assertThat(exactly.getBytes(StandardCharsets.UTF_8)).hasSize(512_000);
		assertThat(turnout.post("/v1/batch", exactly).statusCode()).isEqualTo(200);
		HttpResponse<String> refused = turnout.post("/v1/batch", over);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("\"code\":\"body_too_large\"", "512,000 bytes");
		assertThat(kafka.readAll("turnout.events.raw")).noneMatch(r -> r.value().contains("limit-over"));
	}

	@Test
	void gzipAndDeflateBodiesAreDecoded() throws IOException {
		String body = "{\"userId\":\"zipped\",\"event\":\"E\",\"messageId\":\"msg-gzip\"}";

		assertThat(turnout
			.post("/v1/track", HttpRequest.BodyPublishers.ofByteArray(gzip(body.getBytes())),
					Map.of("Authorization", basic(WRITE_KEY), "Content-Encoding", "gzip"))
			.statusCode()).isEqualTo(200);
		assertThat(
				turnout
					.post("/v1/track",
							HttpRequest.BodyPublishers
								.ofByteArray(deflate(body.replace("msg-gzip", "msg-deflate").getBytes())),
							Map.of("Authorization", basic(WRITE_KEY), "Content-Encoding", "deflate"))
					.statusCode())
			.isEqualTo(200);
		assertThat(recordOf("msg-gzip").value()).contains("zipped");
		assertThat(recordOf("msg-deflate").value()).contains("zipped");
	}

	@Test
	void aSmallCompressedBombIsRefusedWithoutBeingInflatedPastTheLimit() throws IOException {
		byte[] bomb = gzip(new byte[50_000_000]);

		HttpResponse<String> response = turnout.post("/v1/batch", HttpRequest.BodyPublishers.ofByteArray(bomb),
				Map.of("Authorization", basic(WRITE_KEY), "Content-Encoding", "gzip"));

		assertThat(bomb.length).isLessThan(100_000);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("body_too_large");
	}

	@Test
	void anUnknownEncodingGets415() {
		HttpResponse<String> response = turnout.post("/v1/track", "{}",
				Map.of("Authorization", basic(WRITE_KEY), "Content-Encoding", "br"));

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.body()).contains("\"code\":\"unsupported_encoding\"");
	}

	@Test
	void aCorsPreflightIsAnsweredForAllowedOrigins() throws Exception {
		HttpRequest preflight = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + turnout.port() + "/v1/t"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", "https://shop.example.com")
			.header("Access-Control-Request-Method", "POST")
			.build();

		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(preflight, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example.com");
		assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
			.hasValueSatisfying(methods -> assertThat(methods).contains("POST"));
	}

	@Test
	void aCorsPreflightFromAnotherOriginIsRefused() throws Exception {
		HttpRequest preflight = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + turnout.port() + "/v1/t"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", "https://evil.example.net")
			.header("Access-Control-Request-Method", "POST")
			.build();

		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(preflight, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void anOversizedHeaderGets431AndTheCollectorStaysUp() {
		HttpResponse<String> response = turnout.post("/v1/track", "{\"userId\":\"u\",\"event\":\"E\"}",
				Map.of("Authorization", basic(WRITE_KEY), "X-Padding", "a".repeat(20_000)));

		assertThat(response.statusCode()).isEqualTo(431);
		assertThat(turnout.post("/v1/track", "{\"userId\":\"u\",\"event\":\"E\"}").statusCode()).isEqualTo(200);
	}

	@Test
	void aSlowClientIsCutOffAndNeverBlocksOthers() throws Exception {
		try (java.net.Socket slow = new java.net.Socket("127.0.0.1", turnout.port())) {
			slow.getOutputStream()
				.write(("POST /v1/track HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"us")
					.getBytes(StandardCharsets.US_ASCII));
			slow.getOutputStream().flush();

			assertThat(turnout.post("/v1/track", "{\"userId\":\"meanwhile\",\"event\":\"E\"}").statusCode())
				.isEqualTo(200);

			slow.setSoTimeout(15_000);
			byte[] answer = slow.getInputStream().readAllBytes();
			String text = new String(answer, StandardCharsets.US_ASCII);
			assertThat(text).satisfiesAnyOf(t -> assertThat(t).isEmpty(), t -> assertThat(t).startsWith("HTTP/1.1 4"),
					t -> assertThat(t).startsWith("HTTP/1.1 5"));
			assertThat(text).doesNotContain("\"success\":true");
		}
	}

	@Test
	void aBatchWithoutABatchArrayGets400NamingTheProblem() {
		HttpResponse<String> response = turnout.post("/v1/batch", "{\"messages\":[]}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("'batch' array");
	}

	private static void assertUnauthorized(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"success\":false", "\"code\":\"invalid_write_key\"");
	}

	private static ConsumerRecord<String, String> recordOf(String messageId) {
		List<ConsumerRecord<String, String>> records = kafka.readAll("turnout.events.raw");
		return records.stream()
			.filter(r -> r.value().contains("\"messageId\":\"" + messageId + "\""))
			.findFirst()
			.orElseThrow(() -> new AssertionError(messageId + " is not on the raw topic"));
	}

	private static String paddedBatch(int bytes, String marker) {
		String head = "{\"batch\":[{\"userId\":\"" + marker
				+ "\",\"type\":\"track\",\"event\":\"E\",\"properties\":{\"pad\":\"";
		String tail = "\"}}]}";
		return head + "x".repeat(bytes - head.length() - tail.length()) + tail;
	}

	private static byte[] gzip(byte[] data) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(data);
		}
		return out.toByteArray();
	}

	private static byte[] deflate(byte[] data) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
			deflate.write(data);
		}
		return out.toByteArray();
	}

}
