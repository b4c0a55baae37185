package io.turnout.usecases;

import io.turnout.attribution.AttributeOrders;
import io.turnout.attribution.AttributionWarehouse;
import io.turnout.carts.CartWarehouse;
import io.turnout.carts.FindAbandonedCarts;
import io.turnout.events.EventWarehouse;
import io.turnout.events.IngestEvents;
import io.turnout.revenue.ReportRevenue;
import io.turnout.revenue.RevenueWarehouse;
import io.turnout.sessions.BuildSessions;
import io.turnout.sessions.SessionWarehouse;

/**
 * The use cases as the streaming functions run them: the same domain logic as the nightly
 * jobs, over the streaming side's tables (the tables themselves, or their {@code _shadow}
 * copies while a use case runs shadow).
 */
public record StreamingUseCases(IngestEvents events, BuildSessions sessions, AttributeOrders attribution,
		ReportRevenue revenue, FindAbandonedCarts carts) {

	/** The use cases over the streaming side's warehouse ports. */
	public static StreamingUseCases over(EventWarehouse events, SessionWarehouse sessions,
			AttributionWarehouse attribution, RevenueWarehouse revenue, CartWarehouse carts, String reportingCurrency) {
		return new StreamingUseCases(new IngestEvents(events), new BuildSessions(sessions),
				new AttributeOrders(attribution), new ReportRevenue(revenue, reportingCurrency),
				new FindAbandonedCarts(carts));
	}

}
