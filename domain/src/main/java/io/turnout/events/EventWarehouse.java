package io.turnout.events;

import java.util.function.Function;

/**
 * The warehouse port of the events use case: runs work over {@link EventTables} in one
 * transaction, one writer at a time, so a batch is stored whole or not at all.
 */
public interface EventWarehouse {

	<T> T inOneTransaction(Function<EventTables, T> work);

}
