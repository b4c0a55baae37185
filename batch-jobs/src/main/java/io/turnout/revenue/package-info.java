/** The nightly job of the revenue-daily use case. */
package io.turnout.revenue;
