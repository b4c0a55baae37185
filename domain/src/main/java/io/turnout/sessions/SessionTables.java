package io.turnout.sessions;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import io.turnout.events.EventRow;
import io.turnout.events.IdentityLink;
import io.turnout.events.OrderRow;

/** What the sessions use case reads and writes, within one warehouse transaction. */
public interface SessionTables {

	/**
	 * The activity events (page, screen, track) of these session keys on one day, each
	 * key from its time on.
	 */
	List<EventRow> activityOn(LocalDate day, SessionKeys keys);

	/** When the stored sessions of these keys on one day started and ended. */
	List<SessionSpan> sessionSpansOf(LocalDate day, SessionKeys keys);

	/** Every identity link of these anonymous ids. */
	List<IdentityLink> identityLinksOf(Collection<String> anonymousIds);

	/**
	 * The orders of one day (their winning event is on that day) whose winning event has
	 * one of these session keys and is at or after the key's time.
	 */
	List<OrderRow> ordersOn(LocalDate day, SessionKeys keys);

	/**
	 * Replaces the {@code sessions} rows of these session keys on one day that start at
	 * or after the key's time.
	 */
	void replaceSessions(LocalDate day, SessionKeys keys, List<SessionRow> sessions);

	/** Sets {@code session_id} and {@code customer_key} of these orders (by order id). */
	void updateOrders(List<OrderRow> orders);

}
