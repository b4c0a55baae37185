package io.turnout.sessions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.turnout.events.EventRow;
import io.turnout.events.OrderRow;

/**
 * The sessions use case for one day: the one entry point the nightly job and the
 * streaming function call. Recomputes the day's sessions from its activity events, the
 * identity links of its visitors and its orders, replaces the day's slice, and gives each
 * order of the day its session and its customer key. Sessions split at midnight, so a day
 * is computed on its own, and a re-run replaces the same rows.
 */
public final class BuildSessions {

	private final SessionWarehouse warehouse;

	public BuildSessions(SessionWarehouse warehouse) {
		this.warehouse = warehouse;
	}

	/** What a day's run produced. */
	public record DayReport(int activityEvents, int sessions, int orders) {
	}

	/** Restates a whole day: the nightly job, a backfill. */
	public DayReport restate(LocalDate day) {
		return restate(day, SessionKeys.all());
	}

	/**
	 * Restates the sessions of some keys on a day: what the streaming function does for
	 * the keys new events touched. A key's sessions of a day depend only on that key's
	 * events, links and orders of the day, so the result is the rows a whole-day run
	 * gives for those keys. Of a key changed since a time, the sessions that ended more
	 * than the session gap before it are kept: no event at or after that time can join
	 * them, so its sessions are restated from the start of the first one that did not.
	 */
	public DayReport restate(LocalDate day, SessionKeys keys) {
		return this.warehouse
			.inOneTransaction(tables -> restate(day, keys.isAll() ? keys : restatedFrom(day, keys, tables), tables));
	}

	/** Each key from the start of its first session a change can reach. */
	private static SessionKeys restatedFrom(LocalDate day, SessionKeys keys, SessionTables tables) {
		Instant startOfDay = day.atStartOfDay().toInstant(ZoneOffset.UTC);
		Map<String, Instant> since = new HashMap<>();
		keys.sinceByKey().forEach((key, time) -> since.put(key, time.isAfter(startOfDay) ? time : startOfDay));
		Map<String, Instant> from = new HashMap<>(since);
		for (SessionSpan span : tables.sessionSpansOf(day, keys)) {
			Instant changed = since.get(span.sessionKey());
			if (span.startedAt().isBefore(from.get(span.sessionKey()))
					&& !span.endedAt().isBefore(changed.minus(Sessions.MAX_GAP))) {
				from.put(span.sessionKey(), span.startedAt());
			}
		}
		return SessionKeys.since(from);
	}

	private static DayReport restate(LocalDate day, SessionKeys keys, SessionTables tables) {
		List<EventRow> activity = tables.activityOn(day, keys);
		Set<String> anonymousIds = activity.stream()
			.map(EventRow::anonymousId)
			.filter(id -> id != null)
			.collect(Collectors.toSet());
		LinkedUsers links = LinkedUsers.of(tables.identityLinksOf(anonymousIds));
		List<OrderRow> orders = tables.ordersOn(day, keys);
		Map<String, OrderRow> ordersByEventId = orders.stream()
			.collect(Collectors.toMap(OrderRow::eventId, order -> order));
		Map<String, List<EventRow>> byKey = new LinkedHashMap<>();
		for (EventRow event : activity) {
			byKey.computeIfAbsent(Sessions.sessionKeyOf(event), key -> new ArrayList<>()).add(event);
		}
		List<SessionRow> sessions = new ArrayList<>();
		Map<String, String> sessionOfEvent = new HashMap<>();
		byKey.forEach((key, events) -> {
			for (List<EventRow> sessionEvents : Sessions.split(events)) {
				SessionRow session = Sessions.sessionOf(key, sessionEvents, links, ordersByEventId);
				sessions.add(session);
				sessionEvents.forEach(event -> sessionOfEvent.put(event.eventId(), session.sessionId()));
			}
		});
		List<OrderRow> placed = orders.stream()
			.map(order -> order.placed(links.customerKey(order.userId(), order.anonymousId(), order.eventDate()),
					sessionOfEvent.get(order.eventId())))
			.toList();
		tables.replaceSessions(day, keys, sessions);
		tables.updateOrders(placed);
		return new DayReport(activity.size(), sessions.size(), placed.size());
	}

}
