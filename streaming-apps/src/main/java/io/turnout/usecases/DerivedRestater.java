package io.turnout.usecases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import io.turnout.events.IngestReport;
import io.turnout.sessions.SessionKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming shell of the derived use cases (sessions, attribution, revenue-daily,
 * cart-abandonment): after each batch of events is stored it notes which slices are stale
 * ({@link Restatements}: the session keys of a day it touched, or whole days) and, every
 * second or two, restates them in dependency order with the same domain entry points the
 * nightly jobs call. Lateness is measured against the stream's {@link Watermark}, so a
 * replay of an old topic restates exactly what the live stream did.
 */
public class DerivedRestater {

	private static final Logger log = LoggerFactory.getLogger(DerivedRestater.class);

	private final Modes modes;

	private final Map<UseCase, SliceRestater> restaters;

	private final Duration allowedLateness;

	private final Map<UseCase, SortedMap<LocalDate, SessionKeys>> stale = new EnumMap<>(UseCase.class);

	/**
	 * When the oldest not yet restated change of each stale slice was stored (processing
	 * time).
	 */
	private final Map<UseCase, Map<LocalDate, Instant>> staleSince = new EnumMap<>(UseCase.class);

	private final BiConsumer<UseCase, Duration> restateLag;

	private final Watermark watermark;

	private int restating;

	/**
	 * @param restaters the domain entry point of each derived use case, in dependency
	 * order
	 * @param watermark the stream's event-time watermark, advanced here
	 * @param restateLag told, per restated slice, how long after the collector received
	 * the change it was restated
	 */
	public DerivedRestater(Modes modes, LinkedHashMap<UseCase, SliceRestater> restaters, Watermark watermark,
			Duration allowedLateness, BiConsumer<UseCase, Duration> restateLag) {
		this.modes = modes;
		this.watermark = watermark;
		this.restaters = restaters;
		this.allowedLateness = allowedLateness;
		this.restateLag = restateLag;
	}

	/**
	 * Notes what a stored batch made stale.
	 * @param receivedAt when the collector received the batch's oldest message: the
	 * restatement lag is measured from there
	 */
	public synchronized void record(IngestReport report, Instant receivedAt) {
		this.watermark.advance(report.latestEventTime(), Instant.now());
		Instant current = this.watermark.current().orElse(null);
		if (current == null || report.changedSince().isEmpty() && report.identityLinks().isEmpty() || !anyStreams()) {
			return;
		}
		markStale(Restatements.of(report.changedSince(), report.identityLinks(), current, this.allowedLateness),
				receivedAt);
	}

	/**
	 * Whether any derived use case runs on the streaming side: while none does, a batch
	 * makes nothing stale here, and its slices are not worked out.
	 */
	private boolean anyStreams() {
		for (UseCase useCase : this.restaters.keySet()) {
			if (this.modes.modeOf(useCase).streams()) {
				return true;
			}
		}
		return false;
	}

	private synchronized void markStale(Map<UseCase, SortedMap<LocalDate, SessionKeys>> slices, Instant since) {
		slices.forEach((useCase, days) -> {
			if (!days.isEmpty() && this.modes.modeOf(useCase).streams()) {
				SortedMap<LocalDate, SessionKeys> stale = this.stale.computeIfAbsent(useCase, key -> new TreeMap<>());
				days.forEach((day, keys) -> Restatements.add(stale, day, keys));
				Map<LocalDate, Instant> times = this.staleSince.computeIfAbsent(useCase, key -> new HashMap<>());
				days.keySet().forEach(day -> times.putIfAbsent(day, since));
			}
		});
	}

	/**
	 * Restates whole days of a use case, and what depends on them: the hand-over of a
	 * switch to the streaming side, for the days its nightly job did not complete.
	 */
	public void restateDays(UseCase useCase, LocalDate from, LocalDate to) {
		SortedMap<LocalDate, SessionKeys> days = new TreeMap<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			days.put(day, SessionKeys.all());
		}
		if (!days.isEmpty()) {
			markStale(Map.of(useCase, days), Instant.now());
		}
	}

	/** The day of the watermark: the latest day the stream has reached. */
	public Optional<LocalDate> watermarkDay() {
		return this.watermark.current().map(time -> LocalDate.ofInstant(time, ZoneOffset.UTC));
	}

	/** Restates one slice: some session keys, or all, of one day. */
	@FunctionalInterface
	public interface SliceRestater {

		void restate(LocalDate day, SessionKeys keys);

	}

	/**
	 * Restates every stale slice, in dependency order. What fails stays stale for the
	 * next try, and what depends on it waits for that try.
	 */
	public void restateStale() {
		for (Map.Entry<UseCase, SliceRestater> restater : this.restaters.entrySet()) {
			SortedMap<LocalDate, SessionKeys> days;
			synchronized (this) {
				days = this.stale.remove(restater.getKey());
				if (days == null) {
					continue;
				}
				this.restating += days.size();
			}
			boolean restated;
			try {
				restated = restate(restater.getKey(), restater.getValue(), days);
			}
			finally {
				synchronized (this) {
					this.restating -= days.size();
				}
			}
			if (!restated) {
				return;
			}
		}
	}

	private boolean restate(UseCase useCase, SliceRestater restater, SortedMap<LocalDate, SessionKeys> days) {
		for (Map.Entry<LocalDate, SessionKeys> slice : days.entrySet()) {
			LocalDate day = slice.getKey();
			Instant since;
			synchronized (this) {
				since = this.staleSince.getOrDefault(useCase, Map.of()).get(day);
				if (since != null) {
					this.staleSince.get(useCase).remove(day);
				}
			}
			try {
				long started = System.nanoTime();
				restater.restate(day, slice.getValue());
				log.debug("use case {}, day {}, {}: restated in {} ms", useCase.code(), day, slice.getValue(),
						(System.nanoTime() - started) / 1_000_000);
				if (since != null) {
					this.restateLag.accept(useCase, Duration.between(since, Instant.now()));
				}
				Instant watermarkNow = this.watermark.current()
					.orElseGet(() -> day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
				markStale(Restatements.after(useCase, day, slice.getValue(), watermarkNow),
						(since != null) ? since : Instant.now());
			}
			catch (RuntimeException ex) {
				synchronized (this) {
					SortedMap<LocalDate, SessionKeys> stale = this.stale.computeIfAbsent(useCase,
							key -> new TreeMap<>());
					days.tailMap(day).forEach((failed, keys) -> Restatements.add(stale, failed, keys));
					if (since != null) {
						this.staleSince.computeIfAbsent(useCase, key -> new HashMap<>()).putIfAbsent(day, since);
					}
				}
				log.error("use case {}, day {}: restating failed, tried again shortly: {}", useCase.code(), day,
						ex.toString());
				return false;
			}
		}
		log.debug("use case {}: restated {}", useCase.code(), days.keySet());
		return true;
	}

	/**
	 * How many days of use cases wait to be restated, or are being restated (some keys of
	 * a day count as one).
	 */
	public synchronized int pending() {
		return this.restating + this.stale.values().stream().mapToInt(SortedMap::size).sum();
	}

}
