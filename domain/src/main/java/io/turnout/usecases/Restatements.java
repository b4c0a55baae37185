package io.turnout.usecases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import io.turnout.events.IdentityLink;

/**
 * Which day slices of the derived use cases a batch of stored events makes stale
 * (migration.md, late events): the days of the events; for an identity link, every day
 * from the link's day up to the watermark (it can change customer keys, hence sessions,
 * orders and attribution); for attribution, also the 7 days after a restated session day
 * (its touches changed). Days that closed more than the allowed lateness before the
 * watermark are left to a backfill job. Lateness is measured in event time, against the
 * watermark, never against the wall clock.
 */
public final class Restatements {

	static final int ATTRIBUTION_LOOKBACK_DAYS = 7;

	private Restatements() {
	}

	public static Map<UseCase, SortedSet<LocalDate>> of(Collection<LocalDate> eventDays, Collection<IdentityLink> links,
			Instant watermark, Duration allowedLateness) {
		LocalDate watermarkDay = LocalDate.ofInstant(watermark, ZoneOffset.UTC);
		SortedSet<LocalDate> sessions = new TreeSet<>(eventDays);
		for (IdentityLink link : links) {
			LocalDate linkDay = LocalDate.ofInstant(link.eventTime(), ZoneOffset.UTC);
			for (LocalDate day = linkDay; !day.isAfter(watermarkDay); day = day.plusDays(1)) {
				sessions.add(day);
			}
		}
		sessions.removeIf(day -> tooLate(day, watermark, allowedLateness));
		SortedSet<LocalDate> attribution = new TreeSet<>(sessions);
		for (LocalDate day : sessions) {
			for (int i = 1; i <= ATTRIBUTION_LOOKBACK_DAYS && !day.plusDays(i).isAfter(watermarkDay); i++) {
				attribution.add(day.plusDays(i));
			}
		}
		SortedSet<LocalDate> revenue = new TreeSet<>(attribution);
		Map<UseCase, SortedSet<LocalDate>> slices = new EnumMap<>(UseCase.class);
		slices.put(UseCase.SESSIONS, sessions);
		slices.put(UseCase.ATTRIBUTION, attribution);
		slices.put(UseCase.REVENUE_DAILY, revenue);
		slices.put(UseCase.CART_ABANDONMENT, new TreeSet<>(sessions));
		return slices;
	}

	/**
	 * What restating one slice makes stale downstream: a sessions day, the attribution of
	 * that day and the 7 after (up to the watermark) and the day's carts; an attribution
	 * day, the day's revenue. So a dependent is always restated after what it depends on,
	 * however the stream's batches interleave with restatements.
	 */
	public static Map<UseCase, SortedSet<LocalDate>> after(UseCase restated, LocalDate day, Instant watermark) {
		LocalDate watermarkDay = LocalDate.ofInstant(watermark, ZoneOffset.UTC);
		Map<UseCase, SortedSet<LocalDate>> slices = new EnumMap<>(UseCase.class);
		if (restated == UseCase.SESSIONS) {
			SortedSet<LocalDate> attribution = new TreeSet<>(List.of(day));
			for (int i = 1; i <= ATTRIBUTION_LOOKBACK_DAYS && !day.plusDays(i).isAfter(watermarkDay); i++) {
				attribution.add(day.plusDays(i));
			}
			slices.put(UseCase.ATTRIBUTION, attribution);
			slices.put(UseCase.CART_ABANDONMENT, new TreeSet<>(List.of(day)));
		}
		if (restated == UseCase.ATTRIBUTION) {
			slices.put(UseCase.REVENUE_DAILY, new TreeSet<>(List.of(day)));
		}
		return slices;
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
