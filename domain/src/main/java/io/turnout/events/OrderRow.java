package io.turnout.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An {@code orders} row: the winning event of one order id.
 *
 * <p>
 * {@code customerKey} and {@code sessionId} belong to the sessions use case; the events
 * use case leaves them empty.
 */
public record OrderRow(String orderId, String eventId, Instant orderedAt, LocalDate eventDate, String anonymousId,
		String userId, String customerKey, String sessionId, BigDecimal revenue, String currency, int duplicateEvents) {

	/**
	 * This order with its customer key and the session that contains its winning event.
	 */
	public OrderRow placed(String customerKey, String sessionId) {
		return new OrderRow(this.orderId, this.eventId, this.orderedAt, this.eventDate, this.anonymousId, this.userId,
				customerKey, sessionId, this.revenue, this.currency, this.duplicateEvents);
	}

}
