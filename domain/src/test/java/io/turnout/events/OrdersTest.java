package io.turnout.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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

	/**
	 * Combining the stored rows with new events gives the rows of every event: over many
	 * random splits of random order events into stored-before and new.
	 */
	@Test
	void addingNewEventsToStoredRowsIsTheOrdersOfAllTheEvents() {
		Random random = new Random(11);
		for (int trial = 0; trial < 500; trial++) {
			List<OrderEvent> before = new ArrayList<>();
			List<OrderEvent> added = new ArrayList<>();
			int events = 1 + random.nextInt(12);
			for (int i = 0; i < events; i++) {
				OrderEvent event = event("o" + random.nextInt(4), "m" + trial + "-" + i,
						Instant.parse("2026-03-01T10:00:00Z").plusSeconds(random.nextInt(5)).toString(),
						String.valueOf(1 + random.nextInt(50)));
				(random.nextBoolean() ? before : added).add(event);
			}
			List<OrderEvent> all = new ArrayList<>(before);
			all.addAll(added);
			List<OrderRow> expected = Orders.of(all)
				.stream()
				.filter(row -> added.stream().anyMatch(event -> event.orderId().equals(row.orderId())))
				.toList();

			assertThat(Orders.adding(Orders.of(before), added)).as("trial %d", trial)
				.containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	private static OrderEvent event(String orderId, String eventId, String time, String revenue) {
		return new OrderEvent(orderId, eventId, Instant.parse(time), "anon", null, new BigDecimal(revenue), "USD");
	}

}
