package io.turnout.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What happened to a batch of received messages: every one is a new event, a duplicate,
 * or a failure, so {@code received == newEvents + duplicates + failed}; and what the
 * stored events touch downstream: the (day, session key) slices of the events written, of
 * the stored copies they replace and of every event of the orders they change, each with
 * the earliest event time changed ({@link Instant#MIN} for the whole day), and the
 * identity links written that can change a customer key ({@link ChangingLinks}). Both are
 * empty when the store did not track them ({@link IngestEvents.Downstream#NOT_TRACKED}).
 */
public record IngestReport(int received, int newEvents, int duplicates, Map<FailureReason, Integer> failuresByReason,
		Map<LocalDate, Map<String, Instant>> changedSince, List<IdentityLink> identityLinks, Instant latestEventTime) {

	public int failed() {
		return this.failuresByReason.values().stream().mapToInt(Integer::intValue).sum();
	}

}
