package io.turnout.events;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The orders rule of tables.md: one order per distinct order id among accepted
 * {@code order_completed} events; the event with the smallest {@code (event_time,
 * event_id)} is the order, the others are duplicates that never count.
 */
public final class Orders {

	static final Comparator<OrderEvent> FIRST_EVENT = Comparator.comparing(OrderEvent::eventTime)
		.thenComparing(OrderEvent::eventId);

	private Orders() {
	}

	/**
	 * The order rows of every order id among the given events (all events of each id must
	 * be given).
	 */
	public static List<OrderRow> of(Collection<OrderEvent> orderEvents) {
		Map<String, List<OrderEvent>> byOrderId = new LinkedHashMap<>();
		for (OrderEvent event : orderEvents) {
			byOrderId.computeIfAbsent(event.orderId(), id -> new ArrayList<>()).add(event);
		}
		List<OrderRow> rows = new ArrayList<>(byOrderId.size());
		for (List<OrderEvent> events : byOrderId.values()) {
			OrderEvent order = events.stream().min(FIRST_EVENT).orElseThrow();
			rows.add(new OrderRow(order.orderId(), order.eventId(), order.eventTime(),
					LocalDate.ofInstant(order.eventTime(), ZoneOffset.UTC), order.anonymousId(), order.userId(), null,
					null, order.revenue(), order.currency(), events.size() - 1));
		}
		return rows;
	}

}
