package io.turnout.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the {@code events} table already holds for an event id: enough to decide a
 * duplicate, and to know which slice an earlier copy takes it out of.
 */
public record StoredEvent(String eventId, Instant receivedAt, String orderId, LocalDate eventDate, String anonymousId,
		String userId) {

	public String sessionKey() {
		return EventRow.sessionKeyOf(this.anonymousId, this.userId);
	}

}
