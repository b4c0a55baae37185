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

	/**
	 * The order rows after new events: each order id's stored row (its winning event and
	 * how many events carried the id) combined with events that were not stored before.
	 * The same rows as {@link #of} over every event of each id, without reading the
	 * stored ones back.
	 * @param stored the stored rows of the ids, where there are any
	 * @param added the new events, none of them stored before
	 */
	public static List<OrderRow> adding(Collection<OrderRow> stored, Collection<OrderEvent> added) {
		Map<String, OrderRow> storedById = new LinkedHashMap<>();
		stored.forEach(row -> storedById.put(row.orderId(), row));
		Map<String, List<OrderEvent>> byOrderId = new LinkedHashMap<>();
		for (OrderEvent event : added) {
			byOrderId.computeIfAbsent(event.orderId(), id -> new ArrayList<>()).add(event);
		}
		List<OrderEvent> combined = new ArrayList<>();
		Map<String, Integer> previously = new LinkedHashMap<>();
		byOrderId.forEach((orderId, events) -> {
			OrderRow row = storedById.get(orderId);
			if (row != null) {
				combined.add(new OrderEvent(row.orderId(), row.eventId(), row.orderedAt(), row.anonymousId(),
						row.userId(), row.revenue(), row.currency()));
				previously.put(orderId, row.duplicateEvents());
			}
			combined.addAll(events);
		});
		// The stored row stands for its winner and the duplicates counted before.
		return of(combined).stream()
			.map(row -> withDuplicates(row, row.duplicateEvents() + previously.getOrDefault(row.orderId(), 0)))
			.toList();
	}

	private static OrderRow withDuplicates(OrderRow row, int duplicateEvents) {
		return new OrderRow(row.orderId(), row.eventId(), row.orderedAt(), row.eventDate(), row.anonymousId(),
				row.userId(), row.customerKey(), row.sessionId(), row.revenue(), row.currency(), duplicateEvents);
	}

}
