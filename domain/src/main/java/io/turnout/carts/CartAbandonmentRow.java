package io.turnout.carts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A {@code cart_abandonments} row (tables.md). */
public record CartAbandonmentRow(String sessionId, String customerKey, String anonymousId, String userId,
		Instant lastProductAddedAt, Instant abandonedAt, LocalDate eventDate, BigDecimal cartValue, int items) {
}
