package io.turnout.collector;

/** One record of the raw topic: the session key and the raw message as JSON text. */
public record RawRecord(String key, String value) {
}
