package io.turnout.attribution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import io.turnout.events.IdentityLink;
import io.turnout.events.OrderRow;
import io.turnout.sessions.SessionRow;

/** What the attribution use case reads and writes, within one warehouse transaction. */
public interface AttributionTables {

	/** The orders of one day, with their customer keys (set by the sessions use case). */
	List<OrderRow> ordersOn(LocalDate day);

	/** Every identity link of these anonymous ids. */
	List<IdentityLink> identityLinksOf(Collection<String> anonymousIds);

	/** The sessions of these customers that started in {@code (from, to]}. */
	List<SessionRow> sessionsOf(Collection<String> customerKeys, Instant from, Instant to);

	/** Replaces the attribution rows of the orders of one day. */
	void replaceAttribution(LocalDate day, List<AttributionRow> rows);

}
