package io.turnout.collector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.turnout.events.MessageFields;
import io.turnout.events.Timestamps;
import io.turnout.json.Json;
import io.turnout.json.JsonValue;
import io.turnout.json.JsonValue.JsonArray;
import io.turnout.json.JsonValue.JsonObject;
import io.turnout.json.JsonValue.JsonString;

/**
 * Turns a collector request into raw-topic records (events.md, Raw topic): each message
 * as received, with {@code receivedAt} and {@code sourceId} set by the collector, a
 * {@code messageId} when it had none, a batch's top-level {@code context} merged under
 * its own, and no {@code writeKey}. Nothing else is checked here: validation belongs to
 * the events use case.
 */
public final class RawRecords {

	private RawRecords() {
	}

	/**
	 * @param pathType the type the path gives ({@code track}, ...), or {@code null} for a
	 * batch
	 * @param newMessageId supplies an id for a message that has none
	 */
	public static List<RawRecord> of(JsonValue body, String pathType, String sourceId, Instant receivedAt,
			Supplier<String> newMessageId) {
		if (!(body instanceof JsonObject request)) {
			throw new BadRequestException("The body must be a JSON object.");
		}
		String received = Timestamps.format(receivedAt);
		if (pathType != null) {
			JsonString type = new JsonString(pathType);
			JsonObject message = type.equals(request.get("type")) ? request : request.with("type", type);
			return List.of(record(message, null, sourceId, received, newMessageId));
		}
		if (!(request.get("batch") instanceof JsonArray batch)) {
			throw new BadRequestException("A batch request needs a 'batch' array of messages.");
		}
		JsonObject sharedContext = request.object("context");
		List<RawRecord> records = new ArrayList<>(batch.values().size());
		for (JsonValue element : batch.values()) {
			if (element instanceof JsonObject message) {
				records.add(record(message, sharedContext, sourceId, received, newMessageId));
			}
			else {
				// Not a message at all: kept as sent so that the events use case fails it
				// (not_an_object).
				records.add(new RawRecord(null, Json.write(element)));
			}
		}
		return records;
	}

	private static RawRecord record(JsonObject message, JsonObject sharedContext, String sourceId, String receivedAt,
			Supplier<String> newMessageId) {
		if (sharedContext == null && message.text() != null && !message.members().isEmpty()
				&& message.get("messageId") != null && !message.members().containsKey("writeKey")
				&& !message.members().containsKey("receivedAt") && !message.members().containsKey("sourceId")) {
			// The common case needs only two members appended: splice them onto the text
			// as
			// received instead of writing the whole message again.
			String text = message.sourceText();
			StringBuilder value = new StringBuilder(text.length() + 96).append(text, 0, text.lastIndexOf('}'))
				.append(",\"receivedAt\":");
			Json.write(new JsonString(receivedAt), value);
			value.append(",\"sourceId\":");
			Json.write(new JsonString(sourceId), value);
			return new RawRecord(MessageFields.sessionKeyOf(message), value.append('}').toString());
		}
		Map<String, JsonValue> members = new LinkedHashMap<>(message.without("writeKey").members());
		if (sharedContext != null) {
			JsonValue own = members.get("context");
			if (own == null || own == JsonValue.JsonNull.INSTANCE) {
				members.put("context", sharedContext);
			}
			else if (own instanceof JsonObject ownContext) {
				Map<String, JsonValue> merged = new LinkedHashMap<>(sharedContext.members());
				merged.putAll(ownContext.members());
				members.put("context", new JsonObject(merged));
			}
		}
		JsonValue messageId = members.get("messageId");
		if (messageId == null || messageId == JsonValue.JsonNull.INSTANCE) {
			members.put("messageId", new JsonString(newMessageId.get()));
		}
		members.put("receivedAt", new JsonString(receivedAt));
		members.put("sourceId", new JsonString(sourceId));
		JsonObject envelope = new JsonObject(members);
		return new RawRecord(MessageFields.sessionKeyOf(envelope), Json.write(envelope));
	}

}
