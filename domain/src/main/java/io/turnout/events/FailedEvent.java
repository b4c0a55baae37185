package io.turnout.events;

import java.time.Instant;

/**
 * A {@code failed_events} row: a received message that could not be accepted, with why.
 *
 * @param failureId md5 of the raw line, so identical failing lines are one row
 * @param receivedAt when it arrived, when that could be read
 * @param detail a sentence a person can act on
 */
public record FailedEvent(String failureId, Instant receivedAt, String sourceId, FailureReason reason, String detail,
		String raw, String eventId) {
}
