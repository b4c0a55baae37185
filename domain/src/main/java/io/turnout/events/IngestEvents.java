package io.turnout.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@code events} use case: the one entry point that the nightly job and the streaming
 * function both call.
 *
 * <p>
 * {@link #validate} maps one raw message; {@link #store} writes a batch of outcomes:
 * accepted events are deduplicated by event id (the copy with the earliest
 * {@code receivedAt} is kept, the first read among equals), identity links follow their
 * events, the orders of every order id the batch touches are recomputed from all of its
 * events, and failures are added once per failure id. A batch is one transaction and
 * every write replaces keys, so replaying a batch, or storing the same day from the lake
 * and from the topic, never duplicates or loses a row.
 */
public final class IngestEvents {

	private final EventValidation validation = new EventValidation();

	private final EventWarehouse warehouse;

	public IngestEvents(EventWarehouse warehouse) {
		this.warehouse = warehouse;
	}

	public Outcome validate(String raw) {
		return this.validation.validate(raw);
	}

	/** Validates and stores raw messages, in the order they were read. */
	public IngestReport ingest(List<String> raws) {
		List<Outcome> outcomes = new ArrayList<>(raws.size());
		for (String raw : raws) {
			outcomes.add(validate(raw));
		}
		return store(outcomes);
	}

	/**
	 * Stores validated messages, in the order they were read, and works out what they
	 * touch downstream.
	 */
	public IngestReport store(List<? extends Outcome> outcomes) {
		return store(outcomes, Downstream.TRACKED);
	}

	/** Stores validated messages, in the order they were read. */
	public IngestReport store(List<? extends Outcome> outcomes, Downstream downstream) {
		Map<String, EventRow> earliest = new LinkedHashMap<>(2 * outcomes.size());
		List<FailedEvent> failures = new ArrayList<>();
		Map<FailureReason, Integer> reasons = new EnumMap<>(FailureReason.class);
		int accepted = 0;
		for (Outcome outcome : outcomes) {
			if (outcome instanceof Outcome.Accepted a) {
				accepted++;
				earliest.merge(a.event().eventId(), a.event(), IngestEvents::earlierCopy);
			}
			else if (outcome instanceof Outcome.Failed f) {
				failures.add(f.failure());
				reasons.merge(f.failure().reason(), 1, Integer::sum);
			}
		}
		int acceptedMessages = accepted;
		boolean tracked = downstream == Downstream.TRACKED;
		Stored stored = this.warehouse
			.inOneTransaction(tables -> storeInOneTransaction(tables, earliest, failures, tracked));
		int newEvents = (int) stored.written().stream().filter(event -> !event.isReplacement()).count();
		Instant latest = null;
		for (EventRow event : earliest.values()) {
			if (latest == null || event.eventTime().isAfter(latest)) {
				latest = event.eventTime();
			}
		}
		return new IngestReport(outcomes.size(), newEvents, acceptedMessages - newEvents,
				Collections.unmodifiableMap(reasons), stored.touched().byDay(), List.copyOf(stored.changingLinks()),
				latest);
	}

	private static Stored storeInOneTransaction(EventTables tables, Map<String, EventRow> candidates,
			List<FailedEvent> failures, boolean tracked) {
		Map<String, StoredEvent> stored = candidates.isEmpty() ? Map.of() : tables.storedEvents(candidates.keySet());
		List<EventRow> newEvents = new ArrayList<>();
		List<EventRow> earlierCopies = new ArrayList<>();
		Set<String> touchedOrderIds = new HashSet<>();
		// The order ids whose stored events an earlier copy replaces.
		Set<String> replacedOrderIds = new HashSet<>();
		TouchedSlices touched = new TouchedSlices(tracked);
		for (EventRow candidate : candidates.values()) {
			StoredEvent existing = stored.get(candidate.eventId());
			if (existing == null) {
				newEvents.add(candidate);
			}
			else if (candidate.receivedAt().isBefore(existing.receivedAt())) {
				earlierCopies.add(candidate);
				touched.add(existing.eventDate(), existing.sessionKey(), Instant.MIN);
				if (existing.orderId() != null) {
					touchedOrderIds.add(existing.orderId());
					replacedOrderIds.add(existing.orderId());
				}
				if (candidate.isOrder()) {
					replacedOrderIds.add(candidate.orderId());
				}
			}
			else {
				continue;
			}
			touched.add(candidate.eventDate(), candidate.sessionKey(), candidate.eventTime());
			if (candidate.isOrder()) {
				touchedOrderIds.add(candidate.orderId());
			}
		}
		// Read before the writes: the links stored before this batch.
		List<IdentityLink> changingLinks = tracked ? changingLinks(tables, newEvents, earlierCopies) : List.of();
		if (tracked) {
			if (!newEvents.isEmpty()) {
				tables.insertEvents(newEvents);
			}
		}
		else {
			insertAlongsideButOrders(tables, newEvents);
		}
		if (!earlierCopies.isEmpty()) {
			tables.replaceEvents(earlierCopies);
		}
		if (!touchedOrderIds.isEmpty()) {
			tables.replaceOrders(touchedOrderIds,
					orders(tables, touchedOrderIds, replacedOrderIds, newEvents, touched));
		}
		if (!failures.isEmpty()) {
			tables.addFailedEvents(failures);
		}
		List<WrittenEvent> written = new ArrayList<>();
		newEvents.forEach(event -> written.add(new WrittenEvent(event, false)));
		earlierCopies.forEach(event -> written.add(new WrittenEvent(event, true)));
		return new Stored(written, touched, changingLinks);
	}

	/**
	 * A nightly store's new events: the order events are read back below (an order row is
	 * worked out from its stored events), the others never are, so the warehouse may load
	 * them alongside the transaction. A streaming store does not: its touched slices are
	 * restated after the transaction, and events loaded alongside one that a crash then
	 * stopped would be found stored by the replay, and never restated.
	 */
	private static void insertAlongsideButOrders(EventTables tables, List<EventRow> newEvents) {
		List<EventRow> orders = new ArrayList<>();
		List<EventRow> others = new ArrayList<>(newEvents.size());
		for (EventRow event : newEvents) {
			(event.isOrder() ? orders : others).add(event);
		}
		if (!others.isEmpty()) {
			tables.insertEventsAlongside(others);
		}
		if (!orders.isEmpty()) {
			tables.insertEvents(orders);
		}
	}

	/** The identity links of the events to write that can change a customer key. */
	private static List<IdentityLink> changingLinks(EventTables tables, List<EventRow> newEvents,
			List<EventRow> earlierCopies) {
		List<IdentityLink> links = new ArrayList<>();
		newEvents.stream().filter(EventRow::linksIdentity).forEach(event -> links.add(event.identityLink()));
		earlierCopies.stream().filter(EventRow::linksIdentity).forEach(event -> links.add(event.identityLink()));
		return links.isEmpty() ? List.of() : ChangingLinks.among(links,
				tables.identityLinksOf(links.stream().map(IdentityLink::anonymousId).collect(Collectors.toSet())));
	}

	/**
	 * The orders rows of the touched order ids, read within the transaction after the
	 * events were written. An id whose stored events an earlier copy replaced is
	 * recomputed from all of its stored events; an id only new events carry combines its
	 * stored row with them ({@link Orders#adding}), so the events are not read back. The
	 * winning event may move to another session: the sessions of the previous winners are
	 * touched.
	 */
	private static List<OrderRow> orders(EventTables tables, Set<String> touchedOrderIds, Set<String> replacedOrderIds,
			List<EventRow> newEvents, TouchedSlices touched) {
		List<OrderRow> rows = new ArrayList<>();
		if (!replacedOrderIds.isEmpty()) {
			List<OrderEvent> orderEvents = tables.orderEvents(replacedOrderIds);
			orderEvents.forEach(event -> touched.add(LocalDate.ofInstant(event.eventTime(), ZoneOffset.UTC),
					EventRow.sessionKeyOf(event.anonymousId(), event.userId()), event.eventTime()));
			rows.addAll(Orders.of(orderEvents));
		}
		Set<String> addedOnly = new HashSet<>(touchedOrderIds);
		addedOnly.removeAll(replacedOrderIds);
		if (!addedOnly.isEmpty()) {
			List<OrderRow> stored = tables.orders(addedOnly);
			stored.forEach(row -> touched.add(row.eventDate(), EventRow.sessionKeyOf(row.anonymousId(), row.userId()),
					row.orderedAt()));
			List<OrderEvent> added = newEvents.stream()
				.filter(event -> event.isOrder() && addedOnly.contains(event.orderId()))
				.map(IngestEvents::orderEventOf)
				.toList();
			rows.addAll(Orders.adding(stored, added));
		}
		return rows;
	}

	private static OrderEvent orderEventOf(EventRow event) {
		return new OrderEvent(event.orderId(), event.eventId(), event.eventTime(), event.anonymousId(), event.userId(),
				event.revenue(), event.currency());
	}

	/**
	 * What one transaction wrote, the slices it touched and the links that can change a
	 * customer key.
	 */
	private record Stored(List<WrittenEvent> written, TouchedSlices touched, List<IdentityLink> changingLinks) {
	}

	/**
	 * The session keys a batch touched, per day, each with the earliest event time it
	 * changed ({@link Instant#MIN}: the whole day, for a replaced copy whose time is not
	 * read).
	 */
	private static final class TouchedSlices {

		private final Map<LocalDate, Map<String, Instant>> keysByDay = new TreeMap<>();

		private final boolean tracked;

		TouchedSlices(boolean tracked) {
			this.tracked = tracked;
		}

		void add(LocalDate day, String sessionKey, Instant since) {
			if (!this.tracked) {
				return;
			}
			this.keysByDay.computeIfAbsent(day, key -> new HashMap<>())
				.merge(sessionKey, since, (a, b) -> a.isBefore(b) ? a : b);
		}

		Map<LocalDate, Map<String, Instant>> byDay() {
			Map<LocalDate, Map<String, Instant>> copy = new TreeMap<>();
			this.keysByDay.forEach((day, keys) -> copy.put(day, Collections.unmodifiableMap(keys)));
			return Collections.unmodifiableMap(copy);
		}

	}

	/** An event this batch wrote: new, or an earlier copy that replaced a stored one. */
	private record WrittenEvent(EventRow row, boolean isReplacement) {
	}

	/**
	 * Of two accepted copies of one event, the one received first; the first read among
	 * equals.
	 */
	private static EventRow earlierCopy(EventRow first, EventRow second) {
		return second.receivedAt().isBefore(first.receivedAt()) ? second : first;
	}

	/**
	 * Whether a store works out what its events touch downstream: the slices and identity
	 * links of {@link IngestReport}, which the streaming function needs to restate the
	 * derived use cases. A nightly job does not: each derived use case's own nightly job
	 * reads whole days. Not tracking them saves a look-up of the stored identity links
	 * and a map entry per event. A store that does not track them is the nightly job's,
	 * which re-runs a whole chunk after any failure: its new events other than orders are
	 * added with {@link EventTables#insertEventsAlongside}.
	 */
	public enum Downstream {

		TRACKED, NOT_TRACKED

	}

}
