package io.turnout.sessions;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which session keys of a day a restatement covers, and from when: every key (the nightly
 * job, a backfill) or the keys that new events touched (the streaming function), each
 * with the earliest event time that changed. A slice of the sessions and cart-abandonment
 * tables is a (day, session key) pair; restating some keys of a day leaves the other
 * keys' rows as they are, and restating a key since a time leaves its sessions that ended
 * more than the session gap before that time as they are (no later event can join them).
 */
public final class SessionKeys {

	/** A key's whole day changed (an identity link, a replaced copy). */
	public static final Instant WHOLE_DAY = Instant.MIN;

	private static final SessionKeys ALL = new SessionKeys(null);

	private final Map<String, Instant> since;

	private SessionKeys(Map<String, Instant> since) {
		this.since = since;
	}

	public static SessionKeys all() {
		return ALL;
	}

	/** These keys, each for its whole day. */
	public static SessionKeys of(Collection<String> keys) {
		Map<String, Instant> since = new HashMap<>();
		keys.forEach(key -> since.put(key, WHOLE_DAY));
		return new SessionKeys(Collections.unmodifiableMap(since));
	}

	/** These keys, each from the earliest event time that changed. */
	public static SessionKeys since(Map<String, Instant> since) {
		return new SessionKeys(Collections.unmodifiableMap(new HashMap<>(since)));
	}

	public boolean isAll() {
		return this.since == null;
	}

	/** The keys; only for a restatement of some keys. */
	public Set<String> keys() {
		return sinceByKey().keySet();
	}

	/**
	 * The earliest changed event time of each key ({@link #WHOLE_DAY} for all of it);
	 * only for a restatement of some keys.
	 */
	public Map<String, Instant> sinceByKey() {
		if (this.since == null) {
			throw new IllegalStateException("A restatement of every key has no key list");
		}
		return this.since;
	}

	public SessionKeys union(SessionKeys other) {
		if (isAll() || other.isAll()) {
			return ALL;
		}
		Map<String, Instant> union = new HashMap<>(this.since);
		other.since.forEach((key, time) -> union.merge(key, time, (a, b) -> a.isBefore(b) ? a : b));
		return new SessionKeys(Collections.unmodifiableMap(union));
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SessionKeys that && Objects.equals(this.since, that.since);
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(this.since);
	}

	@Override
	public String toString() {
		return isAll() ? "all keys" : this.since.size() + " keys";
	}

}
