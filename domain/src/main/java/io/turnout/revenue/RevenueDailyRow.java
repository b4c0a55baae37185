package io.turnout.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A {@code revenue_daily} row: traffic and revenue of one day and channel (tables.md).
 */
public record RevenueDailyRow(LocalDate eventDate, String channelGroup, String source, String medium, String campaign,
		long sessions, long orders, BigDecimal revenue, long customers, long ordersOtherCurrency) {
}
