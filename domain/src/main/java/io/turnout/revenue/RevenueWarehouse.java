package io.turnout.revenue;

import java.util.function.Function;

/** The warehouse port of the revenue-daily use case. */
public interface RevenueWarehouse {

	<T> T inOneTransaction(Function<RevenueTables, T> work);

}
