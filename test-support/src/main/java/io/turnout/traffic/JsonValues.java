package io.turnout.traffic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.turnout.json.JsonValue;

/**
 * Builds JSON values from plain maps, lists, strings, numbers and booleans, for fixtures.
 */
public final class JsonValues {

	private JsonValues() {
	}

	public static JsonValue of(Object value) {
		if (value == null) {
			return JsonValue.JsonNull.INSTANCE;
		}
		if (value instanceof JsonValue json) {
			return json;
		}
		if (value instanceof String s) {
			return new JsonValue.JsonString(s);
		}
		if (value instanceof BigDecimal d) {
			return new JsonValue.JsonNumber(d.toPlainString());
		}
		if (value instanceof Number n) {
			return new JsonValue.JsonNumber(n.toString());
		}
		if (value instanceof Boolean b) {
			return b ? JsonValue.JsonBoolean.TRUE : JsonValue.JsonBoolean.FALSE;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, JsonValue> members = new LinkedHashMap<>();
			map.forEach((k, v) -> members.put((String) k, of(v)));
			return new JsonValue.JsonObject(members);
		}
		if (value instanceof List<?> list) {
			List<JsonValue> values = new ArrayList<>();
			list.forEach(v -> values.add(of(v)));
			return new JsonValue.JsonArray(values);
		}
		throw new IllegalArgumentException("not a JSON value: " + value.getClass());
	}

}
