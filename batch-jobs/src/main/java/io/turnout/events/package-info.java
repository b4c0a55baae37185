/**
 * The events use case: every accepted message becomes one row of {@code events}, with its
 * identity links and orders, and every other received message a {@code failed_events}
 * row.
 */
package io.turnout.events;
