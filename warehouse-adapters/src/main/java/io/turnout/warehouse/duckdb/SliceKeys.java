package io.turnout.warehouse.duckdb;

import java.time.LocalDate;
import java.util.List;

import io.turnout.sessions.SessionKeys;

/**
 * The {@code WHERE} condition of one slice: a day, and its session keys unless every key
 * is meant. The keys travel as one {@code VARCHAR[]} parameter, so a slice needs no
 * staging table.
 */
record SliceKeys(String sql, Object[] parameters) {

	/** The session key of an {@code events}, {@code orders} or cart row (tables.md). */
	static final String OF_EVENT = "coalesce(anonymous_id, 'user:' || user_id)";

	/** The session key of a {@code sessions} row. */
	static final String OF_SESSION = "session_key";

	/**
	 * @param keyExpression the session key of the queried table's rows
	 */
	static SliceKeys of(LocalDate day, SessionKeys keys, String keyExpression) {
		if (keys.isAll()) {
			return new SliceKeys("event_date = ?", new Object[] { day });
		}
		return new SliceKeys("event_date = ? AND " + keyExpression + " IN (SELECT unnest(?::VARCHAR[]))",
				new Object[] { day, List.copyOf(keys.keys()) });
	}

}
