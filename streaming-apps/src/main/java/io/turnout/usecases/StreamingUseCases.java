package io.turnout.usecases;

import io.turnout.attribution.AttributeOrders;
import io.turnout.carts.FindAbandonedCarts;
import io.turnout.events.IngestEvents;
import io.turnout.revenue.ReportRevenue;
import io.turnout.sessions.BuildSessions;

/**
 * The use cases as the streaming functions run them: the same domain logic as the nightly
 * jobs, over the streaming side's tables (the tables themselves, or their {@code _shadow}
 * copies while a use case runs shadow).
 */
public record StreamingUseCases(IngestEvents events, BuildSessions sessions, AttributeOrders attribution,
		ReportRevenue revenue, FindAbandonedCarts carts) {
}
