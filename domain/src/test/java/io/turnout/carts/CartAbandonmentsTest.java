package io.turnout.carts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.turnout.events.EventRow;
import io.turnout.sessions.Event;
import io.turnout.sessions.LinkedUsers;
import io.turnout.sessions.SessionRow;
import io.turnout.sessions.Sessions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * tables.md, cart_abandonments: what was added after the last order, abandoned 30 minutes
 * after the session.
 */
class CartAbandonmentsTest {

	private static CartAbandonmentRow abandoned(Event... events) {
		List<EventRow> rows = List.of(events).stream().map(Event::row).toList();
		List<EventRow> sessionEvents = Sessions.split(rows).get(0);
		SessionRow session = Sessions.of("a1", rows, LinkedUsers.of(List.of()), Map.of()).get(0);
		return CartAbandonments.of(session, sessionEvents).orElse(null);
	}

	@Test
	void aCartWithoutAnOrderHoldsEveryProductAdded() {
		CartAbandonmentRow cart = abandoned(
				Event.productAdded("e1", "2026-03-02T10:00:00Z", "19.99", 2).anonymous("a1"),
				Event.page("e2", "2026-03-02T10:01:00Z").anonymous("a1"),
				Event.productAdded("e3", "2026-03-02T10:02:00Z", "5", 1).anonymous("a1"),
				Event.page("e4", "2026-03-02T10:10:00Z").anonymous("a1"));

		assertThat(cart.cartValue()).isEqualTo(new BigDecimal("44.9800"));
		assertThat(cart.items()).isEqualTo(3);
		assertThat(cart.lastProductAddedAt()).isEqualTo(Instant.parse("2026-03-02T10:02:00Z"));
		assertThat(cart.abandonedAt()).isEqualTo(Instant.parse("2026-03-02T10:40:00Z"));
		assertThat(cart.customerKey()).isEqualTo("anon:a1");
		assertThat(cart.eventDate()).hasToString("2026-03-02");
	}

	@Test
	void aCartAbandonedAfterAnEarlierOrderHoldsOnlyWhatWasAddedAfterIt() {
		CartAbandonmentRow cart = abandoned(Event.productAdded("e1", "2026-03-02T10:00:00Z", "100", 1).anonymous("a1"),
				Event.orderCompleted("e2", "2026-03-02T10:05:00Z", "o-1", "100").anonymous("a1"),
				Event.productAdded("e3", "2026-03-02T10:10:00Z", "7.5", 2).anonymous("a1"));

		assertThat(cart.cartValue()).isEqualTo(new BigDecimal("15.0000"));
		assertThat(cart.items()).isEqualTo(2);
	}

	@Test
	void aSessionWhoseCartEndedInAnOrderIsNotAbandoned() {
		assertThat(abandoned(Event.productAdded("e1", "2026-03-02T10:00:00Z", "100", 1).anonymous("a1"),
				Event.orderCompleted("e2", "2026-03-02T10:05:00Z", "o-1", "100").anonymous("a1")))
			.isNull();
	}

	/**
	 * Streaming: the session row was restated before the order arrived; until it is
	 * restated again, its events say there is no cart left.
	 */
	@Test
	void aSessionRowOlderThanTheOrderThatEmptiedItsCartGivesNoCart() {
		List<EventRow> before = List
			.of(Event.productAdded("e1", "2026-03-02T10:00:00Z", "100", 1).anonymous("a1").row());
		SessionRow abandonedThen = Sessions.of("a1", before, LinkedUsers.of(List.of()), Map.of()).get(0);
		List<EventRow> now = List.of(before.get(0),
				Event.orderCompleted("e2", "2026-03-02T10:05:00Z", "o-1", "100").anonymous("a1").row());

		assertThat(abandonedThen.cartAbandoned()).isTrue();
		assertThat(CartAbandonments.of(abandonedThen, now)).isEmpty();
	}

}
