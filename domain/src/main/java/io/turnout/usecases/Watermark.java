package io.turnout.usecases;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The event-time watermark of a stream: the greatest event time stored so far, and when
 * (processing time) it first reached each value. Lateness is measured against it
 * (migration.md), and a cart is due once it passes the cart's abandonment time, so a
 * replay of an old topic restates and triggers exactly what the live stream did. How long
 * after the watermark reached a time something happened is the stream's own latency
 * figure, whatever the speed of event time.
 */
public final class Watermark {

	/** How far back the history of advances is kept, in event time. */
	private final Duration history;

	private final TreeMap<Instant, Instant> reached = new TreeMap<>();

	private Instant current;

	/** Passing times are known for event times after this one. */
	private Instant knownAfter;

	public Watermark(Duration history) {
		this.history = history;
	}

	/** Notes that events up to {@code eventTime} were stored at {@code storedAt}. */
	public synchronized void advance(Instant eventTime, Instant storedAt) {
		if (eventTime == null || this.current != null && !eventTime.isAfter(this.current)) {
			return;
		}
		if (this.current == null) {
			this.knownAfter = eventTime;
		}
		this.current = eventTime;
		this.reached.put(eventTime, storedAt);
		Map<Instant, Instant> forgotten = this.reached.headMap(eventTime.minus(this.history));
		if (!forgotten.isEmpty()) {
			this.knownAfter = this.reached.lowerKey(eventTime.minus(this.history));
			forgotten.clear();
		}
	}

	public synchronized Optional<Instant> current() {
		return Optional.ofNullable(this.current);
	}

	/**
	 * When the watermark first passed {@code eventTime}; empty when it has not, or when
	 * it was already there at the first advance kept (before this process, or before the
	 * kept history).
	 */
	public synchronized Optional<Instant> reachedAt(Instant eventTime) {
		if (this.knownAfter == null || !eventTime.isAfter(this.knownAfter)) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.reached.ceilingEntry(eventTime)).map(Map.Entry::getValue);
	}

}
