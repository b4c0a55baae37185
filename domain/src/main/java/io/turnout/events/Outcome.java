package io.turnout.events;

/**
 * What validation made of one received message: accepted as an event, or failed with a
 * reason.
 */
public sealed interface Outcome {

	/** A message that passed validation; it may still turn out to be a duplicate. */
	record Accepted(EventRow event) implements Outcome {
	}

	/** A message that becomes a {@code failed_events} row. */
	record Failed(FailedEvent failure) implements Outcome {
	}

}
