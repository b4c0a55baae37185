package io.turnout.events;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What happened to a batch of received messages: every one is a new event, a duplicate,
 * or a failure, so {@code received == newEvents + duplicates + failed}.
 */
public record IngestReport(int received, int newEvents, int duplicates, Map<FailureReason, Integer> failuresByReason) {

	public static final IngestReport EMPTY = new IngestReport(0, 0, 0, Map.of());

	public int failed() {
		return this.failuresByReason.values().stream().mapToInt(Integer::intValue).sum();
	}

	public IngestReport plus(IngestReport other) {
		Map<FailureReason, Integer> reasons = new EnumMap<>(FailureReason.class);
		reasons.putAll(this.failuresByReason);
		other.failuresByReason.forEach((reason, count) -> reasons.merge(reason, count, Integer::sum));
		return new IngestReport(this.received + other.received, this.newEvents + other.newEvents,
				this.duplicates + other.duplicates, Collections.unmodifiableMap(reasons));
	}

}
