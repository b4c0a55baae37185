package io.turnout.events;

import java.math.BigDecimal;
import java.time.Instant;

/** An accepted {@code order_completed} event, as the orders rule needs it. */
public record OrderEvent(String orderId, String eventId, Instant eventTime, String anonymousId, String userId,
		BigDecimal revenue, String currency) {

}
