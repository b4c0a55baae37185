package io.turnout.warehouse.duckdb;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.turnout.sessions.SessionKeys;

/**
 * The {@code WHERE} condition of one slice: a day, and its session keys unless every key
 * is meant, each from its time on when a time column is given. Keys and times travel as
 * {@code VARCHAR[]} parameters, so a slice needs no staging table.
 */
record SliceKeys(String join, String sql, Object[] parameters) {

	/** The session key of an {@code events}, {@code orders} or cart row (tables.md). */
	static final String OF_EVENT = "coalesce(anonymous_id, 'user:' || user_id)";

	/** The session key of a {@code sessions} row. */
	static final String OF_SESSION = "session_key";

	/** The slice's keys, whole. */
	static SliceKeys of(LocalDate day, SessionKeys keys, String keyExpression) {
		if (keys.isAll()) {
			return new SliceKeys("", "event_date = ?", new Object[] { day });
		}
		return new SliceKeys("", "event_date = ? AND " + keyExpression + " IN (SELECT unnest(?::VARCHAR[]))",
				new Object[] { day, List.copyOf(keys.keys()) });
	}

	/**
	 * The table to select from, joined to the slice's keys and times when it has them.
	 */
	String from(String table) {
		return table + this.join;
	}

	/**
	 * The slice's keys, each from its time on, for a {@code SELECT}: the rows are joined
	 * to the keys and times ({@link #from}), a hash join.
	 * @param timeColumn the time of the queried table's rows that is compared
	 */
	static SliceKeys since(LocalDate day, SessionKeys keys, String keyExpression, String timeColumn) {
		if (keys.isAll()) {
			return of(day, keys, keyExpression);
		}
		return new SliceKeys(" JOIN " + KEYS_AND_TIMES + " slice ON slice.slice_key = " + keyExpression + " AND "
				+ timeColumn + " >= slice.slice_since", "event_date = ?", parameters(day, keys, true));
	}

	/**
	 * The slice's keys, each from its time on, as a condition only (for a
	 * {@code DELETE}).
	 */
	static SliceKeys sinceCondition(LocalDate day, SessionKeys keys, String keyExpression, String timeColumn) {
		if (keys.isAll()) {
			return of(day, keys, keyExpression);
		}
		return new SliceKeys("",
				"event_date = ? AND EXISTS (SELECT 1 FROM " + KEYS_AND_TIMES + " slice WHERE slice.slice_key = "
						+ keyExpression + " AND " + timeColumn + " >= slice.slice_since)",
				parameters(day, keys, false));
	}

	private static final String KEYS_AND_TIMES = "(SELECT unnest(?::VARCHAR[]) AS slice_key, "
			+ "unnest(?::VARCHAR[])::TIMESTAMP AS slice_since)";

	private static Object[] parameters(LocalDate day, SessionKeys keys, boolean keysFirst) {
		LocalDateTime startOfDay = day.atStartOfDay();
		List<String> names = new ArrayList<>();
		List<String> times = new ArrayList<>();
		for (Map.Entry<String, Instant> key : keys.sinceByKey().entrySet()) {
			LocalDateTime since = key.getValue().equals(SessionKeys.WHOLE_DAY) ? startOfDay
					: LocalDateTime.ofInstant(key.getValue(), ZoneOffset.UTC);
			names.add(key.getKey());
			times.add(since.isBefore(startOfDay) ? startOfDay.toString() : since.toString());
		}
		return keysFirst ? new Object[] { names, times, day } : new Object[] { day, names, times };
	}

}
