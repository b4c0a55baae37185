package io.turnout.carts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import io.turnout.events.EventRow;
import io.turnout.sessions.SessionRow;

/**
 * What the cart-abandonment use case reads and writes, within one warehouse transaction.
 */
public interface CartTables {

	/** The sessions of one day whose cart was abandoned. */
	List<SessionRow> abandonedSessionsOn(LocalDate day);

	/** The activity events of these session keys on one day. */
	List<EventRow> activityOf(Collection<String> sessionKeys, LocalDate day);

	/** Replaces the day's cart_abandonments rows. */
	void replaceCartAbandonments(LocalDate day, List<CartAbandonmentRow> rows);

}
