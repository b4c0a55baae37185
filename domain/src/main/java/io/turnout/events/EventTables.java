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
