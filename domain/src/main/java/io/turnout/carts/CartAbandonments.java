package io.turnout.carts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.turnout.events.EventKind;
import io.turnout.events.EventRow;
import io.turnout.sessions.SessionRow;

/**
 * The cart_abandonments rule of tables.md: a session whose cart was abandoned is one row;
 * the cart is what was added after the session's last order (all of it when there was
 * none), abandoned 30 minutes after the session ended.
 */
public final class CartAbandonments {

	static final Duration ABANDONED_AFTER = Duration.ofMinutes(30);

	private CartAbandonments() {
	}

	/**
	 * @param sessionEvents the session's events, in session order
	 */
	public static Optional<CartAbandonmentRow> of(SessionRow session, List<EventRow> sessionEvents) {
		if (!session.cartAbandoned()) {
			return Optional.empty();
		}
		int lastOrder = -1;
		for (int i = 0; i < sessionEvents.size(); i++) {
			if (sessionEvents.get(i).eventKind() == EventKind.ORDER_COMPLETED) {
				lastOrder = i;
			}
		}
		BigDecimal value = BigDecimal.ZERO.setScale(4);
		int items = 0;
		Instant lastAdded = null;
		for (EventRow event : sessionEvents.subList(lastOrder + 1, sessionEvents.size())) {
			if (event.eventKind() == EventKind.PRODUCT_ADDED) {
				value = value.add(event.productPrice().multiply(BigDecimal.valueOf(event.productQuantity())));
				items += event.productQuantity();
				lastAdded = event.eventTime();
			}
		}
		if (lastAdded == null) {
			// The session's row is older than these events (an order arrived since): its
			// pending restatement decides.
			return Optional.empty();
		}
		return Optional.of(new CartAbandonmentRow(session.sessionId(), session.customerKey(), session.anonymousId(),
				session.userId(), lastAdded, session.endedAt().plus(ABANDONED_AFTER), session.eventDate(), value,
				items));
	}

}
