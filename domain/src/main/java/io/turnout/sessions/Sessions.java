package io.turnout.sessions;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.turnout.events.EventKind;
import io.turnout.events.EventRow;
import io.turnout.events.Hashes;
import io.turnout.events.OrderRow;

/**
 * The sessions rule of tables.md: activity events (page, screen, track) grouped per
 * session key, ordered by {@code (event_time, event_id)}; a new session starts at the
 * first event, after a gap of more than 1800 seconds, or when the UTC date changes, so
 * every day can be computed on its own.
 */
public final class Sessions {

	static final Duration MAX_GAP = Duration.ofSeconds(1800);

	/** Session order: {@code (event_time, event_id)}. */
	public static final Comparator<EventRow> EVENT_ORDER = Comparator.comparing(EventRow::eventTime)
		.thenComparing(EventRow::eventId);

	private Sessions() {
	}

	/**
	 * The session key of an event: its anonymous id, else {@code user:} and its user id.
	 */
	public static String sessionKeyOf(EventRow event) {
		return event.sessionKey();
	}

	/** {@code md5(session_key || '|' || first event_id)}. */
	public static String sessionIdOf(String sessionKey, EventRow first) {
		return Hashes.md5(sessionKey + "|" + first.eventId());
	}

	/**
	 * The sessions of one session key.
	 * @param activity the key's activity events (any order)
	 * @param links identity links, for the customer key on each session's day
	 * @param ordersByEventId the orders whose winning event is among these events, by
	 * that event's id
	 */
	public static List<SessionRow> of(String sessionKey, List<EventRow> activity, LinkedUsers links,
			Map<String, OrderRow> ordersByEventId) {
		return split(activity).stream().map(events -> sessionOf(sessionKey, events, links, ordersByEventId)).toList();
	}

	/** The events of each session of one key, in session order. */
	public static List<List<EventRow>> split(List<EventRow> activity) {
		List<EventRow> ordered = new ArrayList<>(activity);
		ordered.sort(EVENT_ORDER);
		List<List<EventRow>> sessions = new ArrayList<>();
		List<EventRow> current = new ArrayList<>();
		for (EventRow event : ordered) {
			if (!current.isEmpty() && startsNewSession(current.get(current.size() - 1), event)) {
				sessions.add(current);
				current = new ArrayList<>();
			}
			current.add(event);
		}
		if (!current.isEmpty()) {
			sessions.add(current);
		}
		return sessions;
	}

	private static boolean startsNewSession(EventRow previous, EventRow next) {
		return Duration.between(previous.eventTime(), next.eventTime()).compareTo(MAX_GAP) > 0
				|| !previous.eventDate().equals(next.eventDate());
	}

	/**
	 * The row of one session, from its events in session order (one group of
	 * {@link #split}).
	 */
	public static SessionRow sessionOf(String sessionKey, List<EventRow> events, LinkedUsers links,
			Map<String, OrderRow> ordersByEventId) {
		EventRow first = events.get(0);
		EventRow last = events.get(events.size() - 1);
		LocalDate day = LocalDate.ofInstant(first.eventTime(), ZoneOffset.UTC);
		String anonymousId = first.anonymousId();
		String userId = null;
		int pageViews = 0;
		int clicks = 0;
		int productsAdded = 0;
		int orders = 0;
		BigDecimal revenue = BigDecimal.ZERO.setScale(4);
		int lastProductAdded = -1;
		int lastOrderCompleted = -1;
		for (int i = 0; i < events.size(); i++) {
			EventRow event = events.get(i);
			if (event.userId() != null) {
				userId = event.userId();
			}
			switch (event.eventKind()) {
				case PAGE_VIEW -> pageViews++;
				case CLICK -> clicks++;
				case PRODUCT_ADDED -> {
					productsAdded++;
					lastProductAdded = i;
				}
				case ORDER_COMPLETED -> lastOrderCompleted = i;
				default -> {
				}
			}
			OrderRow order = ordersByEventId.get(event.eventId());
			if (order != null) {
				orders++;
				revenue = revenue.add(order.revenue());
			}
		}
		String landing = firstPageViewUrl(events);
		TrafficSource traffic = TrafficSource.of(first, landing);
		String customerKey = (userId != null) ? userId : links.customerKey(null, anonymousId, day);
		return new SessionRow(sessionIdOf(sessionKey, first), sessionKey, anonymousId, userId, customerKey, day,
				first.eventTime(), last.eventTime(), Duration.between(first.eventTime(), last.eventTime()).getSeconds(),
				events.size(), pageViews, clicks, productsAdded, orders, revenue, landing, first.pageReferrer(),
				traffic.source(), traffic.medium(), traffic.campaign(), ChannelGroup.of(traffic).label(),
				lastProductAdded > lastOrderCompleted);
	}

	private static String firstPageViewUrl(List<EventRow> events) {
		for (EventRow event : events) {
			if (event.eventKind() == EventKind.PAGE_VIEW) {
				return event.pageUrl();
			}
		}
		return null;
	}

}
