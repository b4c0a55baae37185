package io.turnout.carts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.turnout.events.EventRow;
import io.turnout.sessions.SessionKeys;
import io.turnout.sessions.SessionRow;

/**
 * What the cart-abandonment use case reads and writes, within one warehouse transaction.
 */
public interface CartTables {

	/** The sessions of these session keys on one day whose cart was abandoned. */
	List<SessionRow> abandonedSessionsOn(LocalDate day, SessionKeys keys);

	/**
	 * The events a cart is made of ({@code product_added}, {@code order_completed}) of
	 * these session keys on one day.
	 */
	List<EventRow> cartEventsOf(Collection<String> sessionKeys, LocalDate day);

	/** Every abandoned cart whose abandonment time is at or before {@code dueBy}. */
	List<CartAbandonmentRow> abandonedBy(Instant dueBy);

	/** The greatest event time among the accepted events, if any. */
	Optional<Instant> latestEventTime();

	/** Replaces the cart_abandonments rows of these session keys on one day. */
	void replaceCartAbandonments(LocalDate day, SessionKeys keys, List<CartAbandonmentRow> rows);

}
