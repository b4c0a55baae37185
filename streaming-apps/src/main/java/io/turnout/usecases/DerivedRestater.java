package io.turnout.usecases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.turnout.events.IngestReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming shell of the derived use cases (sessions, attribution, revenue-daily,
 * cart-abandonment): after each batch of events is stored it notes which day slices are
 * stale ({@link Restatements}) and, every few seconds, restates them in dependency order
 * with the same domain entry points the nightly jobs call. The watermark is the greatest
 * event time the stream has seen, so a replay of an old topic restates exactly what the
 * live stream did.
 */
public class DerivedRestater {

	private static final Logger log = LoggerFactory.getLogger(DerivedRestater.class);

	private final Modes modes;

	private final Map<UseCase, Consumer<LocalDate>> restaters;

	private final Duration allowedLateness;

	private final Map<UseCase, SortedSet<LocalDate>> stale = new EnumMap<>(UseCase.class);

	/**
	 * When the oldest not yet restated change of each stale slice was stored (processing
	 * time).
	 */
	private final Map<UseCase, Map<LocalDate, Long>> staleSince = new EnumMap<>(UseCase.class);

	private final BiConsumer<UseCase, Duration> restateLag;

	private Instant watermark;

	private int restating;

	/**
	 * @param restaters the domain entry point of each derived use case, in dependency
	 * order
	 * @param restateLag told, per restated slice, how long after the change was stored it
	 * was restated
	 */
	public DerivedRestater(Modes modes, LinkedHashMap<UseCase, Consumer<LocalDate>> restaters, Duration allowedLateness,
			BiConsumer<UseCase, Duration> restateLag) {
		this.modes = modes;
		this.restaters = restaters;
		this.allowedLateness = allowedLateness;
		this.restateLag = restateLag;
	}

	/** Notes what a stored batch made stale. */
	public synchronized void record(IngestReport report) {
		if (report.latestEventTime() != null
				&& (this.watermark == null || report.latestEventTime().isAfter(this.watermark))) {
			this.watermark = report.latestEventTime();
		}
		if (this.watermark == null || report.eventDays().isEmpty() && report.identityLinks().isEmpty()) {
			return;
		}
		markStale(Restatements.of(report.eventDays(), report.identityLinks(), this.watermark, this.allowedLateness),
				System.nanoTime());
	}

	private synchronized void markStale(Map<UseCase, SortedSet<LocalDate>> slices, long since) {
		slices.forEach((useCase, days) -> {
			if (!days.isEmpty() && this.modes.modeOf(useCase) == Mode.STREAMING) {
				this.stale.computeIfAbsent(useCase, key -> new TreeSet<>()).addAll(days);
				Map<LocalDate, Long> times = this.staleSince.computeIfAbsent(useCase, key -> new HashMap<>());
				days.forEach(day -> times.putIfAbsent(day, since));
			}
		});
	}

	/**
	 * Restates every stale slice, in dependency order. What fails stays stale for the
	 * next try, and what depends on it waits for that try.
	 */
	public void restateStale() {
		for (Map.Entry<UseCase, Consumer<LocalDate>> restater : this.restaters.entrySet()) {
			SortedSet<LocalDate> days;
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

	private boolean restate(UseCase useCase, Consumer<LocalDate> restater, SortedSet<LocalDate> days) {
		for (LocalDate day : days) {
			Long since;
			synchronized (this) {
				since = this.staleSince.getOrDefault(useCase, Map.of()).get(day);
				if (since != null) {
					this.staleSince.get(useCase).remove(day);
				}
			}
			try {
				restater.accept(day);
				if (since != null) {
					this.restateLag.accept(useCase, Duration.ofNanos(System.nanoTime() - since));
				}
				Instant watermark;
				synchronized (this) {
					watermark = this.watermark;
				}
				markStale(Restatements.after(useCase, day, watermark), (since != null) ? since : System.nanoTime());
			}
			catch (RuntimeException ex) {
				synchronized (this) {
					this.stale.computeIfAbsent(useCase, key -> new TreeSet<>()).addAll(days.tailSet(day));
					if (since != null) {
						this.staleSince.computeIfAbsent(useCase, key -> new HashMap<>()).putIfAbsent(day, since);
					}
				}
				log.error("use case {}, day {}: restating failed, tried again shortly: {}", useCase.code(), day,
						ex.toString());
				return false;
			}
		}
		log.debug("use case {}: restated {}", useCase.code(), days);
		return true;
	}

	/** How many day slices wait to be restated, or are being restated. */
	public synchronized int pending() {
		return this.restating + this.stale.values().stream().mapToInt(SortedSet::size).sum();
	}

}
