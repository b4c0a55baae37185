package io.turnout.lake;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import io.turnout.events.Timestamps;
import io.turnout.json.JsonValue;
import io.turnout.json.JsonValue.JsonObject;
import io.turnout.json.JsonValue.JsonString;

/**
 * Where raw messages live in the lake: {@code <root>/events/dt=YYYY-MM-DD/*.jsonl[.gz]},
 * one raw record per line, partitioned by the UTC date of the event time, or of
 * {@code receivedAt} when the event time cannot be read (events.md).
 */
public record LakeLayout(Path root) {

	private static final String PARTITION_PREFIX = "dt=";

	/** Where the partitions are: {@code <root>/events}. */
	public Path partitions() {
		return this.root.resolve("events");
	}

	public Path partition(LocalDate day) {
		return partitions().resolve(PARTITION_PREFIX + day);
	}

	/**
	 * The day of a partition directory's name ({@code dt=YYYY-MM-DD}); empty for any
	 * other.
	 */
	public static Optional<LocalDate> dayOfPartition(String directoryName) {
		if (!directoryName.startsWith(PARTITION_PREFIX)) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(directoryName.substring(PARTITION_PREFIX.length())));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/** The partition date of a raw message; empty when it has no readable time at all. */
	public static Optional<LocalDate> dayOf(JsonValue message) {
		if (!(message instanceof JsonObject object)) {
			return Optional.empty();
		}
		Optional<Instant> eventTime = firstTime(object, "timestamp");
		if (object.get("timestamp") == null) {
			eventTime = firstTime(object, "originalTimestamp");
		}
		if (eventTime.isEmpty()) {
			eventTime = firstTime(object, "receivedAt");
		}
		return eventTime.map(time -> LocalDate.ofInstant(time, ZoneOffset.UTC));
	}

	private static Optional<Instant> firstTime(JsonObject object, String field) {
		return (object.get(field) instanceof JsonString s) ? Timestamps.parse(s.value()) : Optional.empty();
	}

	/**
	 * A lake file name is visible to readers only once complete: names starting with '.'
	 * or '_' are in progress.
	 */
	public static boolean isComplete(Path file) {
		String name = file.getFileName().toString();
		return !name.startsWith(".") && !name.startsWith("_")
				&& (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz"));
	}

}
