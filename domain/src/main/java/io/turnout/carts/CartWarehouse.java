package io.turnout.carts;

import java.util.function.Function;

/** The warehouse port of the cart-abandonment use case. */
public interface CartWarehouse {

	<T> T inOneTransaction(Function<CartTables, T> work);

}
