package io.turnout.collector;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.turnout.json.Json;
import io.turnout.json.JsonException;
import io.turnout.json.JsonValue;
import io.turnout.json.JsonValue.JsonObject;
import io.turnout.json.JsonValue.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Segment-compatible HTTP API (events.md, Collector): one message per request on
 * {@code /v1/track} and its siblings, many on {@code /v1/batch}, with analytics.js's
 * short paths as aliases. A 200 means every message of the request is durably in Kafka.
 */
@RestController
@ConditionalOnBooleanProperty("turnout.collector.enabled")
class CollectorController {

	private static final Logger log = LoggerFactory.getLogger(CollectorController.class);

	private static final Map<String, String> TYPE_OF_PATH = Map.ofEntries(Map.entry("track", "track"),
			Map.entry("t", "track"), Map.entry("page", "page"), Map.entry("p", "page"), Map.entry("screen", "screen"),
			Map.entry("s", "screen"), Map.entry("identify", "identify"), Map.entry("i", "identify"),
			Map.entry("group", "group"), Map.entry("g", "group"), Map.entry("alias", "alias"), Map.entry("a", "alias"));

	private static final List<String> BATCH_PATHS = List.of("batch", "b", "import");

	private final WriteKeys writeKeys;

	private final RawTopic rawTopic;

	private final Clock clock;

	private final MeterRegistry meters;

	CollectorController(WriteKeys writeKeys, RawTopic rawTopic, Clock clock, MeterRegistry meters) {
		this.writeKeys = writeKeys;
		this.rawTopic = rawTopic;
		this.clock = clock;
		this.meters = meters;
	}

	@PostMapping({ "/v1/{endpoint}", "/v1/{endpoint}/" })
	ResponseEntity<Map<String, Object>> receive(@PathVariable String endpoint, HttpServletRequest request)
			throws IOException {
		String type = TYPE_OF_PATH.get(endpoint);
		if (type == null && !BATCH_PATHS.contains(endpoint)) {
			throw new CollectorException(HttpStatus.NOT_FOUND, "unknown_endpoint", "There is no endpoint /v1/"
					+ endpoint + "; use /v1/track, page, screen, identify, group, alias or batch.");
		}
		String body = RequestBodies.read(request.getInputStream(), request.getHeader(HttpHeaders.CONTENT_ENCODING));
		JsonValue json;
		try {
			json = Json.parse(body);
		}
		catch (JsonException ex) {
			throw new CollectorException(HttpStatus.BAD_REQUEST, "invalid_json",
					"The body is not JSON: " + ex.getMessage() + ".");
		}
		String bodyKey = (json instanceof JsonObject o && o.get("writeKey") instanceof JsonString s) ? s.value() : null;
		WriteKeys.KnownSource source = this.writeKeys
			.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION), bodyKey)
			.orElseThrow(() -> new CollectorException(HttpStatus.UNAUTHORIZED, "invalid_write_key",
					"A known write key is required: send it as the HTTP Basic user name with an empty password, "
							+ "or as 'writeKey' in the body."));
		List<RawRecord> records;
		try {
			records = RawRecords.of(json, type, source.name(), this.clock.instant(),
					() -> UUID.randomUUID().toString());
		}
		catch (BadRequestException ex) {
			throw new CollectorException(HttpStatus.BAD_REQUEST, "invalid_request", ex.getMessage());
		}
		this.rawTopic.writeDurably(records);
		this.meters.counter("turnout.collector.messages", "source", source.name()).increment(records.size());
		return ResponseEntity.ok(Map.of("success", true));
	}

	@ExceptionHandler(CollectorException.class)
	ResponseEntity<Map<String, Object>> refused(CollectorException ex) {
		this.meters.counter("turnout.collector.refused", "code", ex.code()).increment();
		return ResponseEntity.status(ex.status())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("success", false, "code", ex.code(), "message", ex.getMessage()));
	}

	@ExceptionHandler(RawTopic.RawTopicUnavailableException.class)
	ResponseEntity<Map<String, Object>> unavailable(RawTopic.RawTopicUnavailableException ex) {
		log.warn("Kafka did not take a collector write, answering 503: {}", ex.getMessage());
		this.meters.counter("turnout.collector.refused", "code", "kafka_unavailable").increment();
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("success", false, "code", "kafka_unavailable", "message",
					"The event log cannot take the write right now; nothing of this request was acknowledged. "
							+ "Retry later."));
	}

}
