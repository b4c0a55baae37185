package io.turnout.attribution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.turnout.events.OrderRow;
import io.turnout.sessions.ChannelGroup;
import io.turnout.sessions.SessionRow;
import io.turnout.sessions.TrafficSource;

/**
 * The attribution rule of tables.md: for every order and every model, the credit each
 * touch receives. The touches of an order are the sessions with its customer key, not
 * Direct, started in the 7 days up to the order
 * ({@code ordered_at - 7 days < started_at <=
 * ordered_at}), in {@code (started_at, session_id)} order. Without touches, every model
 * gives one row with all the credit to the direct channel.
 */
public final class Attribution {

	static final Duration LOOKBACK = Duration.ofDays(7);

	private static final Comparator<SessionRow> TOUCH_ORDER = Comparator.comparing(SessionRow::startedAt)
		.thenComparing(SessionRow::sessionId);

	private Attribution() {
	}

	/**
	 * The touches of an order among the sessions of its customer (matched on each
	 * session's stored customer key).
	 */
	public static List<SessionRow> touchesOf(OrderRow order, String customerKey, List<SessionRow> sessions) {
		Instant from = order.orderedAt().minus(LOOKBACK);
		return sessions.stream()
			.filter(session -> customerKey.equals(session.customerKey()))
			.filter(session -> !ChannelGroup.DIRECT.label().equals(session.channelGroup()))
			.filter(session -> session.startedAt().isAfter(from) && !session.startedAt().isAfter(order.orderedAt()))
			.sorted(TOUCH_ORDER)
			.toList();
	}

	/** Every model's rows for one order. */
	public static List<AttributionRow> of(OrderRow order, String customerKey, List<SessionRow> sessions) {
		List<SessionRow> touches = touchesOf(order, customerKey, sessions);
		List<AttributionRow> rows = new ArrayList<>();
		for (AttributionModel model : AttributionModel.values()) {
			if (touches.isEmpty()) {
				rows.add(new AttributionRow(order.orderId(), model.code(), 0, null, TrafficSource.DIRECT.source(),
						TrafficSource.DIRECT.medium(), null, ChannelGroup.DIRECT.label(), 1.0,
						revenueCredit(order.revenue(), 1.0), order.currency(), order.orderedAt(), order.eventDate(),
						customerKey));
				continue;
			}
			List<Duration> ages = touches.stream()
				.map(touch -> Duration.between(touch.startedAt(), order.orderedAt()))
				.toList();
			List<Double> credits = model.credits(ages);
			for (int i = 0; i < touches.size(); i++) {
				SessionRow touch = touches.get(i);
				double credit = credits.get(i);
				rows.add(new AttributionRow(order.orderId(), model.code(), i + 1, touch.sessionId(), touch.source(),
						touch.medium(), touch.campaign(), touch.channelGroup(), credit,
						revenueCredit(order.revenue(), credit), order.currency(), order.orderedAt(), order.eventDate(),
						customerKey));
			}
		}
		return rows;
	}

	/**
	 * revenue x credit, the credit taken by its shortest decimal form, rounded half-even
	 * to 6 places.
	 */
	static BigDecimal revenueCredit(BigDecimal revenue, double credit) {
		return revenue.multiply(BigDecimal.valueOf(credit)).setScale(6, RoundingMode.HALF_EVEN);
	}

}
