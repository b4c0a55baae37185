package io.turnout.sessions;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which session keys of a day a restatement covers: every key (the nightly job, a
 * backfill) or the keys that new events touched (the streaming function). A slice of the
 * sessions and cart-abandonment tables is a (day, session key) pair, and restating some
 * keys of a day leaves the other keys' rows as they are.
 */
public final class SessionKeys {

	private static final SessionKeys ALL = new SessionKeys(null);

	private final Set<String> keys;

	private SessionKeys(Set<String> keys) {
		this.keys = keys;
	}

	public static SessionKeys all() {
		return ALL;
	}

	public static SessionKeys of(Collection<String> keys) {
		return new SessionKeys(Collections.unmodifiableSet(new HashSet<>(keys)));
	}

	public boolean isAll() {
		return this.keys == null;
	}

	/** The keys; only for a restatement of some keys. */
	public Set<String> keys() {
		if (this.keys == null) {
			throw new IllegalStateException("A restatement of every key has no key list");
		}
		return this.keys;
	}

	public SessionKeys union(SessionKeys other) {
		if (isAll() || other.isAll()) {
			return ALL;
		}
		Set<String> union = new HashSet<>(this.keys);
		union.addAll(other.keys);
		return new SessionKeys(Collections.unmodifiableSet(union));
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SessionKeys that && Objects.equals(this.keys, that.keys);
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(this.keys);
	}

	@Override
	public String toString() {
		return isAll() ? "all keys" : this.keys.size() + " keys";
	}

}
