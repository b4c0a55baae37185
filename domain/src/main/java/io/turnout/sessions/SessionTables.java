package io.turnout.sessions;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import io.turnout.events.EventRow;
import io.turnout.events.IdentityLink;
import io.turnout.events.OrderRow;

/** What the sessions use case reads and writes, within one warehouse transaction. */
public interface SessionTables {

	/** The activity events (page, screen, track) of one day. */
	List<EventRow> activityOn(LocalDate day);

	/** Every identity link of these anonymous ids. */
	List<IdentityLink> identityLinksOf(Collection<String> anonymousIds);

	/** The orders of one day (their winning event is on that day). */
	List<OrderRow> ordersOn(LocalDate day);

	/** Replaces the day's {@code sessions} rows. */
	void replaceSessions(LocalDate day, List<SessionRow> sessions);

	/** Sets {@code session_id} and {@code customer_key} of these orders (by order id). */
	void updateOrders(List<OrderRow> orders);

}
