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

	public DayReport restate(LocalDate day) {
		return this.warehouse.inOneTransaction(tables -> {
			List<OrderRow> orders = tables.ordersOn(day);
			for (OrderRow order : orders) {
				if (order.customerKey() == null) {
					throw new IllegalStateException("The order " + order.orderId() + " of " + day
							+ " has no customer key yet: run the sessions use case for " + day + " first.");
				}
			}
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
