/** The retargeting triggers of abandoned carts, published to Kafka. */
package io.turnout.carts;
