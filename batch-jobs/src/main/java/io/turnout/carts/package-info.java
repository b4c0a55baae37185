/** The nightly job of the cart-abandonment use case. */
package io.turnout.carts;
