/**
 * The cart-abandonment use case: sessions whose cart was abandoned, and what was in it.
 */
package io.turnout.carts;
