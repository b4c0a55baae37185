package io.turnout.carts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.turnout.events.EventRow;
import io.turnout.sessions.SessionKeys;
import io.turnout.sessions.SessionRow;
import io.turnout.sessions.Sessions;

/**
 * The cart-abandonment use case for one day: one row per session whose cart was
 * abandoned.
 */
public final class FindAbandonedCarts {

	private final CartWarehouse warehouse;

	public FindAbandonedCarts(CartWarehouse warehouse) {
		this.warehouse = warehouse;
	}

	/** The number of abandoned carts of the day. */
	public int restate(LocalDate day) {
		return restate(day, SessionKeys.all());
	}

	/** The number of abandoned carts of these session keys on the day. */
	public int restate(LocalDate day, SessionKeys keys) {
		return this.warehouse.inOneTransaction(tables -> {
			List<SessionRow> sessions = tables.abandonedSessionsOn(day, keys);
			Set<String> abandoningKeys = sessions.stream().map(SessionRow::sessionKey).collect(Collectors.toSet());
			Map<String, List<EventRow>> cartEventsByKey = tables.cartEventsOf(abandoningKeys, day)
				.stream()
				.sorted(Sessions.EVENT_ORDER)
				.collect(Collectors.groupingBy(Sessions::sessionKeyOf));
			List<CartAbandonmentRow> rows = new ArrayList<>();
			for (SessionRow session : sessions) {
				// A session is its key's events from its start to its end; events after
				// its
				// end arrived after it was restated, and its pending restatement restates
				// these carts again.
				List<EventRow> events = cartEventsByKey.getOrDefault(session.sessionKey(), List.of())
					.stream()
					.filter(event -> !event.eventTime().isBefore(session.startedAt())
							&& !event.eventTime().isAfter(session.endedAt()))
					.toList();
				CartAbandonments.of(session, events).ifPresent(rows::add);
			}
			tables.replaceCartAbandonments(day, keys, rows);
			return rows.size();
		});
	}

}
