package io.turnout.sessions;

import java.util.function.Function;

/**
 * The warehouse port of the sessions use case: work over {@link SessionTables} in one
 * transaction.
 */
public interface SessionWarehouse {

	<T> T inOneTransaction(Function<SessionTables, T> work);

}
