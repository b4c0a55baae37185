package io.turnout.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON (RFC 8259) reader and compact writer for Segment messages.
 *
 * <p>
 * Numbers keep their decimal text, so money never passes through a binary double; object
 * keys keep their order, so a message written back reads as it was received. Anything
 * that is not exactly one JSON document ({@code NaN}, trailing garbage, two documents,
 * nesting deeper than {@value #MAX_DEPTH} levels, Jackson's default) is refused with a
 * {@link JsonException} that says where.
 */
public final class Json {

	/**
	 * The deepest nesting accepted, the same bound as Jackson's default read constraints.
	 */
	public static final int MAX_DEPTH = 1000;

	/**
	 * Member names that most Segment messages carry, by length: a member name read from
	 * the text that equals one of them is this shared instance (no copy, its hash already
	 * known).
	 */
	private static final String[][] KNOWN_NAMES = byLength("type", "messageId", "anonymousId", "userId", "event",
			"name", "timestamp", "sentAt", "receivedAt", "originalTimestamp", "properties", "context", "traits",
			"integrations", "sourceId", "writeKey", "version", "channel", "previousId", "groupId", "category", "page",
			"url", "path", "referrer", "title", "search", "userAgent", "library", "ip", "locale", "campaign", "source",
			"medium", "term", "content", "app", "device", "os", "screen", "timezone", "network", "product_id", "price",
			"quantity", "revenue", "currency", "order_id", "total", "products", "sku", "email", "plan", "batch");

	private final String text;

	private int pos;

	private int depth;

	private Json(String text) {
		this.text = text;
	}

	/** Reads one JSON document that must span the whole text (white space aside). */
	public static JsonValue parse(String text) {
		Json reader = new Json(text);
		reader.skipWhitespace();
		if (reader.pos >= text.length()) {
			throw new JsonException("empty document");
		}
		JsonValue value = reader.readValue();
		reader.skipWhitespace();
		if (reader.pos < text.length()) {
			throw reader.error("unexpected text after the JSON document");
		}
		return value;
	}

	/**
	 * Writes a value as compact JSON; numbers are written with the text they were read
	 * with.
	 */
	public static String write(JsonValue value) {
		StringBuilder out = new StringBuilder(256);
		write(value, out);
		return out.toString();
	}

	public static void write(JsonValue value, StringBuilder out) {
		if (value instanceof JsonValue.JsonString s) {
			writeString(s.value(), out);
		}
		else if (value instanceof JsonValue.JsonNumber n) {
			out.append(n.text());
		}
		else if (value instanceof JsonValue.JsonObject o) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<String, JsonValue> member : o.members().entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				writeString(member.getKey(), out);
				out.append(':');
				write(member.getValue(), out);
			}
			out.append('}');
		}
		else if (value instanceof JsonValue.JsonArray a) {
			out.append('[');
			for (int i = 0; i < a.values().size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				write(a.values().get(i), out);
			}
			out.append(']');
		}
		else if (value instanceof JsonValue.JsonBoolean b) {
			out.append(b.value());
		}
		else {
			out.append("null");
		}
	}

	static void writeString(String value, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	private JsonValue readValue() {
		if (pos >= text.length()) {
			throw error("unexpected end of input");
		}
		char c = text.charAt(pos);
		return switch (c) {
			case '{' -> readObject();
			case '[' -> readArray();
			case '"' -> new JsonValue.JsonString(readString());
			case 't' -> literal("true", JsonValue.JsonBoolean.TRUE);
			case 'f' -> literal("false", JsonValue.JsonBoolean.FALSE);
			case 'n' -> literal("null", JsonValue.JsonNull.INSTANCE);
			default -> {
				if (c == '-' || (c >= '0' && c <= '9')) {
					yield readNumber();
				}
				throw error("unexpected character '" + printable(c) + "'");
			}
		};
	}

	private JsonValue.JsonObject readObject() {
		enter();
		int start = pos;
		pos++;
		Map<String, JsonValue> members = new LinkedHashMap<>();
		skipWhitespace();
		if (peek() == '}') {
			pos++;
			depth--;
			return new JsonValue.JsonObject(members, text, start, pos);
		}
		while (true) {
			skipWhitespace();
			if (peek() != '"') {
				throw error("expected a member name in double quotes");
			}
			String key = readName();
			skipWhitespace();
			expect(':');
			skipWhitespace();
			members.put(key, readValue());
			skipWhitespace();
			char c = peek();
			pos++;
			if (c == '}') {
				depth--;
				return new JsonValue.JsonObject(members, text, start, pos);
			}
			if (c != ',') {
				pos--;
				throw error("expected ',' or '}' in an object");
			}
		}
	}

	private JsonValue.JsonArray readArray() {
		enter();
		pos++;
		List<JsonValue> values = new ArrayList<>();
		skipWhitespace();
		if (peek() == ']') {
			pos++;
			depth--;
			return new JsonValue.JsonArray(values);
		}
		while (true) {
			skipWhitespace();
			values.add(readValue());
			skipWhitespace();
			char c = peek();
			pos++;
			if (c == ']') {
				depth--;
				return new JsonValue.JsonArray(values);
			}
			if (c != ',') {
				pos--;
				throw error("expected ',' or ']' in an array");
			}
		}
	}

	private void enter() {
		if (++depth > MAX_DEPTH) {
			throw error("nesting deeper than " + MAX_DEPTH + " levels");
		}
	}

	/** A member name: the shared instance of a known one, else read as a string. */
	private String readName() {
		int start = pos + 1;
		int end = text.indexOf('"', start);
		int length = end - start;
		if (end > 0 && length < KNOWN_NAMES.length) {
			for (String name : KNOWN_NAMES[length]) {
				if (text.startsWith(name, start)) {
					pos = end + 1;
					return name;
				}
			}
		}
		return readString();
	}

	private static String[][] byLength(String... names) {
		int longest = 0;
		for (String name : names) {
			longest = Math.max(longest, name.length());
		}
		String[][] byLength = new String[longest + 1][];
		for (int length = 0; length <= longest; length++) {
			int len = length;
			byLength[length] = Arrays.stream(names).filter(name -> name.length() == len).toArray(String[]::new);
		}
		return byLength;
	}

	private String readString() {
		pos++;
		int start = pos;
		// Fast path: no escapes.
		while (pos < text.length()) {
			char c = text.charAt(pos);
			if (c == '"') {
				return text.substring(start, pos++);
			}
			if (c == '\\') {
				break;
			}
			if (c < 0x20) {
				throw error("control character in a string");
			}
			pos++;
		}
		StringBuilder out = new StringBuilder(text.substring(start, pos));
		while (pos < text.length()) {
			char c = text.charAt(pos++);
			if (c == '"') {
				return out.toString();
			}
			if (c < 0x20) {
				pos--;
				throw error("control character in a string");
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			if (pos >= text.length()) {
				break;
			}
			char e = text.charAt(pos++);
			switch (e) {
				case '"' -> out.append('"');
				case '\\' -> out.append('\\');
				case '/' -> out.append('/');
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'u' -> {
					if (pos + 4 > text.length()) {
						throw error("truncated \\u escape");
					}
					int code = 0;
					for (int i = 0; i < 4; i++) {
						int digit = Character.digit(text.charAt(pos++), 16);
						if (digit < 0) {
							pos--;
							throw error("invalid \\u escape");
						}
						code = code * 16 + digit;
					}
					out.append((char) code);
				}
				default -> {
					pos--;
					throw error("invalid escape '\\" + printable(e) + "'");
				}
			}
		}
		throw error("unterminated string");
	}

	private JsonValue.JsonNumber readNumber() {
		int start = pos;
		if (peek() == '-') {
			pos++;
		}
		if (peek() == '0') {
			pos++;
		}
		else if (isDigit(peek())) {
			while (isDigit(peek())) {
				pos++;
			}
		}
		else {
			throw error("invalid number");
		}
		if (peek() == '.') {
			pos++;
			if (!isDigit(peek())) {
				throw error("invalid number: a digit must follow the decimal point");
			}
			while (isDigit(peek())) {
				pos++;
			}
		}
		if (peek() == 'e' || peek() == 'E') {
			pos++;
			if (peek() == '+' || peek() == '-') {
				pos++;
			}
			if (!isDigit(peek())) {
				throw error("invalid number: a digit must follow the exponent");
			}
			while (isDigit(peek())) {
				pos++;
			}
		}
		return new JsonValue.JsonNumber(text.substring(start, pos));
	}

	private JsonValue literal(String word, JsonValue value) {
		if (!text.startsWith(word, pos)) {
			throw error("unexpected token (NaN, Infinity and bare words are not JSON)");
		}
		pos += word.length();
		return value;
	}

	private void expect(char c) {
		if (peek() != c) {
			throw error("expected '" + c + "'");
		}
		pos++;
	}

	private char peek() {
		return pos < text.length() ? text.charAt(pos) : '\0';
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private void skipWhitespace() {
		while (pos < text.length()) {
			char c = text.charAt(pos);
			if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
				pos++;
			}
			else {
				return;
			}
		}
	}

	private JsonException error(String message) {
		return new JsonException(message + " at character " + (pos + 1));
	}

	private static String printable(char c) {
		return c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
	}

}
