package io.turnout.attribution;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.turnout.events.OrderRow;
import io.turnout.sessions.LinkedUsers;
import io.turnout.sessions.SessionRow;

/**
 * The attribution use case for one day: the orders of the day, their touches among the
 * sessions of their customers in the 7 days before, every model's rows; the day's slice
 * is replaced whole.
 */
public final class AttributeOrders {

	private final AttributionWarehouse warehouse;

	public AttributeOrders(AttributionWarehouse warehouse) {
		this.warehouse = warehouse;
	}

	/** What a day's run produced. */
	public record DayReport(int orders, int rows) {
	}

	/**
	 * An order's customer key is a function of the events (tables.md): the sessions use
	 * case stores it on the order, and an order that arrived since gets it here by the
	 * same rule, so attribution never waits on the order of two restatements.
	 */
	private static List<OrderRow> withCustomerKeys(List<OrderRow> orders, AttributionTables tables) {
		Set<String> anonymousIds = orders.stream()
			.filter(order -> order.customerKey() == null && order.userId() == null && order.anonymousId() != null)
			.map(OrderRow::anonymousId)
			.collect(Collectors.toSet());
		LinkedUsers links = LinkedUsers.of(anonymousIds.isEmpty() ? List.of() : tables.identityLinksOf(anonymousIds));
		return orders.stream()
			.map(order -> (order.customerKey() != null) ? order
					: order.placed(links.customerKey(order.userId(), order.anonymousId(), order.eventDate()),
							order.sessionId()))
			.toList();
	}

	public DayReport restate(LocalDate day) {
		return this.warehouse.inOneTransaction(tables -> {
			List<OrderRow> orders = withCustomerKeys(tables.ordersOn(day), tables);
			Set<String> customers = orders.stream().map(OrderRow::customerKey).collect(Collectors.toSet());
			Instant from = day.atStartOfDay().toInstant(ZoneOffset.UTC).minus(Attribution.LOOKBACK);
			Instant to = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
			Map<String, List<SessionRow>> sessionsByCustomer = tables.sessionsOf(customers, from, to)
				.stream()
				.collect(Collectors.groupingBy(SessionRow::customerKey));
			List<AttributionRow> rows = new ArrayList<>();
			for (OrderRow order : orders) {
				rows.addAll(Attribution.of(order, order.customerKey(),
						sessionsByCustomer.getOrDefault(order.customerKey(), List.of())));
			}
			tables.replaceAttribution(day, rows);
			return new DayReport(orders.size(), rows.size());
		});
	}

}
