package io.turnout.events;

import java.util.Map;

/**
 * What happened to a batch of received messages: every one is a new event, a duplicate,
 * or a failure, so {@code received == newEvents + duplicates + failed}.
 */
public record IngestReport(int received, int newEvents, int duplicates, Map<FailureReason, Integer> failuresByReason) {

	public int failed() {
		return this.failuresByReason.values().stream().mapToInt(Integer::intValue).sum();
	}

}
