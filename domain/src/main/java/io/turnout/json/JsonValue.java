package io.turnout.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value as read by {@link Json}: numbers keep their text, objects their member
 * order.
 */
public sealed interface JsonValue {

	/** The JSON {@code null}, which Segment messages use for an absent field. */
	enum JsonNull implements JsonValue {

		INSTANCE

	}

	/** {@code true} or {@code false}. */
	enum JsonBoolean implements JsonValue {

		TRUE, FALSE;

		public boolean value() {
			return this == TRUE;
		}

	}

	/** A number by its JSON text, e.g. {@code 10.00005} or {@code 7345180}. */
	record JsonNumber(String text) implements JsonValue {

		public BigDecimal decimal() {
			return new BigDecimal(this.text);
		}

	}

	/** A string. */
	record JsonString(String value) implements JsonValue {
	}

	/** An array. */
	record JsonArray(List<JsonValue> values) implements JsonValue {
	}

	/**
	 * An object whose members keep the order they were read in. An object read by
	 * {@link Json#parse} also knows its exact source text; equality is by members only.
	 */
	record JsonObject(Map<String, JsonValue> members, String text, int start, int end) implements JsonValue {

		public JsonObject(Map<String, JsonValue> members) {
			this(members, null, 0, 0);
		}

		/**
		 * The object's text as it was read, or compact JSON for an object built in code.
		 */
		public String sourceText() {
			return (this.text != null) ? this.text.substring(this.start, this.end) : Json.write(this);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof JsonObject o && this.members.equals(o.members);
		}

		@Override
		public int hashCode() {
			return this.members.hashCode();
		}

		@Override
		public String toString() {
			return Json.write(this);
		}

		public static JsonObject empty() {
			return new JsonObject(new LinkedHashMap<>());
		}

		/**
		 * The member, or {@code null} when absent or JSON {@code null} (a null means
		 * absent).
		 */
		public JsonValue get(String name) {
			JsonValue value = this.members.get(name);
			return (value == JsonNull.INSTANCE) ? null : value;
		}

		/** The member if it is an object, else {@code null}. */
		public JsonObject object(String name) {
			return (get(name) instanceof JsonObject object) ? object : null;
		}

		/** A copy with one member set (appended when new). */
		public JsonObject with(String name, JsonValue value) {
			Map<String, JsonValue> copy = new LinkedHashMap<>(this.members);
			copy.put(name, value);
			return new JsonObject(copy);
		}

		/** A copy without one member. */
		public JsonObject without(String name) {
			if (!this.members.containsKey(name)) {
				return this;
			}
			Map<String, JsonValue> copy = new LinkedHashMap<>(this.members);
			copy.remove(name);
			return new JsonObject(copy);
		}

		public Map<String, JsonValue> members() {
			return Collections.unmodifiableMap(this.members);
		}

	}

}
