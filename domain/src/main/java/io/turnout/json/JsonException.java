package io.turnout.json;

/**
 * Text that is not exactly one JSON document; the message says what is wrong and where.
 */
public class JsonException extends RuntimeException {

	public JsonException(String message) {
		super(message);
	}

}
