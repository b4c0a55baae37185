package io.turnout.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happened to a batch of received messages: every one is a new event, a duplicate,
 * or a failure, so {@code received == newEvents + duplicates + failed}; and what the
 * stored events touch downstream: the days of the events written, and the identity links
 * written.
 */
public record IngestReport(int received, int newEvents, int duplicates, Map<FailureReason, Integer> failuresByReason,
		Set<LocalDate> eventDays, List<IdentityLink> identityLinks, Instant latestEventTime) {

	public int failed() {
		return this.failuresByReason.values().stream().mapToInt(Integer::intValue).sum();
	}

}
