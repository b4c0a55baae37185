package io.turnout.events;

import io.turnout.json.JsonValue;
import io.turnout.json.JsonValue.JsonNumber;
import io.turnout.json.JsonValue.JsonObject;
import io.turnout.json.JsonValue.JsonString;

/**
 * How fields of a Segment message read (events.md, precise readings): null is absent,
 * numbers used as ids are their JSON text.
 */
public final class MessageFields {

	private MessageFields() {
	}

	/** An id: a non-empty string, or a number by its JSON text; otherwise none. */
	public static String id(JsonValue value) {
		if (value instanceof JsonString s) {
			return s.value().isEmpty() ? null : s.value();
		}
		if (value instanceof JsonNumber n) {
			return n.text();
		}
		return null;
	}

	/**
	 * A text field: a string as given, a number by its text; anything else is no text.
	 */
	public static String text(JsonValue value) {
		if (value instanceof JsonString s) {
			return s.value();
		}
		if (value instanceof JsonNumber n) {
			return n.text();
		}
		return null;
	}

	/**
	 * The session key a message will have: its anonymous id, else its user id (the raw
	 * topic's record key).
	 */
	public static String sessionKeyOf(JsonObject message) {
		String anonymousId = id(message.get("anonymousId"));
		return (anonymousId != null) ? anonymousId : id(message.get("userId"));
	}

}
