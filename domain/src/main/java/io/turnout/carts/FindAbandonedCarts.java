package io.turnout.carts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
			Map<String, List<EventRow>> byKey = tables.activityOf(abandoningKeys, day)
				.stream()
				.collect(Collectors.groupingBy(Sessions::sessionKeyOf));
			Map<String, List<EventRow>> eventsBySession = new HashMap<>();
			byKey.forEach((key, events) -> Sessions.split(events)
				.forEach(group -> eventsBySession.put(Sessions.sessionIdOf(key, group.get(0)), group)));
			List<CartAbandonmentRow> rows = new ArrayList<>();
			for (SessionRow session : sessions) {
				List<EventRow> events = eventsBySession.get(session.sessionId());
				if (events == null) {
					// Events of the key arrived after its sessions were restated: that
					// restatement is pending, and restates these carts after it.
					continue;
				}
				CartAbandonments.of(session, events).ifPresent(rows::add);
			}
			tables.replaceCartAbandonments(day, keys, rows);
			return rows.size();
		});
	}

}
