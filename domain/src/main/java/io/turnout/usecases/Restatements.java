package io.turnout.usecases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.turnout.events.IdentityLink;
import io.turnout.sessions.SessionKeys;

/**
 * Which slices of the derived use cases a batch of stored events makes stale
 * (migration.md, late events). A sessions or cart-abandonment slice is a (day, session
 * key) pair: the slices of the events written, from the earliest event time they change;
 * for an identity link, its anonymous id's whole day on every day from the link's day up
 * to the watermark (it can change customer keys, hence sessions, orders and attribution).
 * Attribution and revenue-daily are restated by whole day: the days whose sessions
 * changed, and for attribution also the 7 days after (their touches changed). Days that
 * closed more than the allowed lateness before the watermark are left to a backfill job.
 * Lateness is measured in event time, against the watermark, never against the wall
 * clock.
 */
public final class Restatements {

	static final int ATTRIBUTION_LOOKBACK_DAYS = 7;

	private Restatements() {
	}

	/**
	 * @param changedSince per day, the session keys stored events changed, each with the
	 * earliest event time changed ({@link SessionKeys#WHOLE_DAY} for all of its day)
	 */
	public static Map<UseCase, SortedMap<LocalDate, SessionKeys>> of(Map<LocalDate, Map<String, Instant>> changedSince,
			Collection<IdentityLink> links, Instant watermark, Duration allowedLateness) {
		LocalDate watermarkDay = LocalDate.ofInstant(watermark, ZoneOffset.UTC);
		// Collected in one mutable map per day: a batch has thousands of keys and
		// hundreds of links, and a union per link would copy the day's keys each time.
		SortedMap<LocalDate, Map<String, Instant>> changed = new TreeMap<>();
		changedSince.forEach((day, keys) -> changed.put(day, new HashMap<>(keys)));
		for (IdentityLink link : links) {
			LocalDate linkDay = LocalDate.ofInstant(link.eventTime(), ZoneOffset.UTC);
			for (LocalDate day = linkDay; !day.isAfter(watermarkDay); day = day.plusDays(1)) {
				changed.computeIfAbsent(day, key -> new HashMap<>()).put(link.anonymousId(), SessionKeys.WHOLE_DAY);
			}
		}
		SortedMap<LocalDate, SessionKeys> sessions = new TreeMap<>();
		changed.forEach((day, keys) -> {
			if (!tooLate(day, watermark, allowedLateness)) {
				sessions.put(day, SessionKeys.since(keys));
			}
		});
		SortedMap<LocalDate, SessionKeys> attribution = new TreeMap<>();
		for (LocalDate day : sessions.keySet()) {
			attribution.putAll(attributionAfter(day, watermarkDay));
		}
		Map<UseCase, SortedMap<LocalDate, SessionKeys>> slices = new EnumMap<>(UseCase.class);
		slices.put(UseCase.SESSIONS, sessions);
		slices.put(UseCase.ATTRIBUTION, attribution);
		slices.put(UseCase.REVENUE_DAILY, new TreeMap<>(attribution));
		slices.put(UseCase.CART_ABANDONMENT, new TreeMap<>(sessions));
		return slices;
	}

	/**
	 * What restating one slice makes stale downstream: a sessions slice, the attribution
	 * of its day and the 7 after (up to the watermark) and the carts of the same keys; an
	 * attribution day, the day's revenue. So a dependent is always restated after what it
	 * depends on, however the stream's batches interleave with restatements.
	 */
	public static Map<UseCase, SortedMap<LocalDate, SessionKeys>> after(UseCase restated, LocalDate day,
			SessionKeys keys, Instant watermark) {
		LocalDate watermarkDay = LocalDate.ofInstant(watermark, ZoneOffset.UTC);
		Map<UseCase, SortedMap<LocalDate, SessionKeys>> slices = new EnumMap<>(UseCase.class);
		if (restated == UseCase.SESSIONS) {
			slices.put(UseCase.ATTRIBUTION, attributionAfter(day, watermarkDay));
			slices.put(UseCase.CART_ABANDONMENT, new TreeMap<>(Map.of(day, keys)));
		}
		if (restated == UseCase.ATTRIBUTION) {
			slices.put(UseCase.REVENUE_DAILY, new TreeMap<>(Map.of(day, SessionKeys.all())));
		}
		return slices;
	}

	/** The whole days whose attribution a change of a day's sessions changes. */
	private static SortedMap<LocalDate, SessionKeys> attributionAfter(LocalDate day, LocalDate watermarkDay) {
		SortedMap<LocalDate, SessionKeys> days = new TreeMap<>();
		days.put(day, SessionKeys.all());
		for (int i = 1; i <= ATTRIBUTION_LOOKBACK_DAYS && !day.plusDays(i).isAfter(watermarkDay); i++) {
			days.put(day.plusDays(i), SessionKeys.all());
		}
		return days;
	}

	/** Adds a slice's keys to what is already stale of its day. */
	public static void add(Map<LocalDate, SessionKeys> slices, LocalDate day, SessionKeys keys) {
		slices.merge(day, keys, SessionKeys::union);
	}

	/**
	 * A day is past restating once the watermark is more than the allowed lateness after
	 * its end.
	 */
	static boolean tooLate(LocalDate day, Instant watermark, Duration allowedLateness) {
		Instant endOfDay = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		return watermark.isAfter(endOfDay.plus(allowedLateness));
	}

}
