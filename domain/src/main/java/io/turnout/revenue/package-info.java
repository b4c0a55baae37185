/**
 * The revenue-daily use case: traffic and revenue by day and channel, in one reporting
 * currency.
 */
package io.turnout.revenue;
