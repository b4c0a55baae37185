package io.turnout.attribution;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An {@code attribution} row: the credit one touch gets for one order in one model
 * (tables.md).
 */
public record AttributionRow(String orderId, String model, int touchIndex, String sessionId, String source,
		String medium, String campaign, String channelGroup, double credit, BigDecimal revenueCredit, String currency,
		Instant orderedAt, LocalDate eventDate, String customerKey) {
}
