package io.turnout.sessions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A {@code sessions} row (tables.md). */
public record SessionRow(String sessionId, String sessionKey, String anonymousId, String userId, String customerKey,
		LocalDate eventDate, Instant startedAt, Instant endedAt, long durationSeconds, int events, int pageViews,
		int clicks, int productsAdded, int orders, BigDecimal revenue, String landingUrl, String referrer,
		String source, String medium, String campaign, String channelGroup, boolean cartAbandoned) {
}
