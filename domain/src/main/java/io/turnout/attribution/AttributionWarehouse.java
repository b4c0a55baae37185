package io.turnout.attribution;

import java.util.function.Function;

/** The warehouse port of the attribution use case. */
public interface AttributionWarehouse {

	<T> T inOneTransaction(Function<AttributionTables, T> work);

}
