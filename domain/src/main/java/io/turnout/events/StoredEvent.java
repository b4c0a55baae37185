package io.turnout.events;

import java.time.Instant;

/**
 * What the {@code events} table already holds for an event id: enough to decide a
 * duplicate.
 */
public record StoredEvent(String eventId, Instant receivedAt, String orderId) {
}
