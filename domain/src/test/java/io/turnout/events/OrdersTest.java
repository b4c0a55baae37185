package io.turnout.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * tables.md, orders: the event with the smallest (event_time, event_id) is the order; the
 * others are duplicates.
 */
class OrdersTest {

	@Test
	void theEarliestEventIsTheOrderAndTheOthersAreCountedAsDuplicates() {
		List<OrderRow> orders = Orders.of(List.of(event("o1", "m3", "2026-03-01T10:00:02Z", "30"),
				event("o1", "m1", "2026-03-01T10:00:01Z", "10"), event("o1", "m2", "2026-03-01T10:00:03Z", "20")));

		assertThat(orders).singleElement().satisfies(order -> {
			assertThat(order.eventId()).isEqualTo("m1");
			assertThat(order.revenue()).isEqualByComparingTo("10");
			assertThat(order.duplicateEvents()).isEqualTo(2);
			assertThat(order.eventDate()).hasToString("2026-03-01");
		});
	}

	@Test
	void equalTimesAreDecidedByTheSmallerEventId() {
		List<OrderRow> orders = Orders
			.of(List.of(event("o1", "b", "2026-03-01T10:00:00Z", "2"), event("o1", "a", "2026-03-01T10:00:00Z", "1")));

		assertThat(orders).singleElement().extracting(OrderRow::eventId).isEqualTo("a");
	}

	@Test
	void eachOrderIdIsOneOrder() {
		assertThat(Orders
			.of(List.of(event("o1", "a", "2026-03-01T10:00:00Z", "1"), event("o2", "b", "2026-03-01T10:00:00Z", "1"))))
			.extracting(OrderRow::orderId, OrderRow::duplicateEvents)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("o1", 0),
					org.assertj.core.groups.Tuple.tuple("o2", 0));
	}

	private static OrderEvent event(String orderId, String eventId, String time, String revenue) {
		return new OrderEvent(orderId, eventId, Instant.parse(time), "anon", null, new BigDecimal(revenue), "USD");
	}

}
