package io.turnout.events;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The tables the events use case reads and writes ({@code events},
 * {@code identity_links}, {@code orders}, {@code failed_events}), within one warehouse
 * transaction.
 *
 * <p>
 * Every write is an idempotent replace of keys, so a replayed batch changes nothing.
 */
public interface EventTables {

	/** The stored events among these ids, by id. */
	Map<String, StoredEvent> storedEvents(Collection<String> eventIds);

	/** Every stored identity link of these anonymous ids. */
	List<IdentityLink> identityLinksOf(Collection<String> anonymousIds);

	/** Every stored {@code order_completed} event of these order ids. */
	List<OrderEvent> orderEvents(Collection<String> orderIds);

	/** The stored {@code orders} rows of these order ids. */
	List<OrderRow> orders(Collection<String> orderIds);

	/**
	 * Adds events whose ids are not stored yet, with their {@code identity_links} rows.
	 */
	void insertEvents(List<EventRow> events);

	/**
	 * Adds events like {@link #insertEvents}, that nothing later in this transaction
	 * reads back. The warehouse may load them alongside the transaction: on a second
	 * connection, in parallel, committed on their own, and deleted again when the
	 * transaction fails. A crash between the two leaves them stored without the rest of
	 * the batch, so only a caller that stores the whole batch again after any failure may
	 * use it: the nightly job, which re-runs the chunk (the events already stored are
	 * then found stored, and counted as duplicates).
	 */
	default void insertEventsAlongside(List<EventRow> events) {
		insertEvents(events);
	}

	/**
	 * Replaces stored events by event id, and their {@code identity_links} rows with
	 * them.
	 */
	void replaceEvents(List<EventRow> events);

	/**
	 * Replaces the {@code orders} rows of these order ids with the given rows (an id
	 * without a row is deleted).
	 */
	void replaceOrders(Collection<String> orderIds, List<OrderRow> orders);

	/** Adds failures, keeping one row per failure id. */
	void addFailedEvents(List<FailedEvent> failures);

}
