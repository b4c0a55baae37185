package io.turnout.usecases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import io.turnout.events.EventsConsumerGroup;
import io.turnout.events.EventsStreamConfiguration;
import io.turnout.migration.HandOver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;

/**
 * Follows each use case's mode at run time, without a restart (migration.md, Correctness
 * across a switch).
 *
 * <p>
 * The events function runs while {@code events} is in {@code streaming} or
 * {@code shadow}. When the streaming side takes over tables at run time (a switch from
 * batch, or from shadow to streaming), it hands over exactly: the events function stops,
 * its consumer group is moved to the offsets of the start of the first day the nightly
 * job did not complete, minus the allowed lateness, and it starts again; a derived use
 * case restates every day from that first day to the watermark. On a switch back to
 * {@code batch} the function stops and the nightly job owns the next days. At start-up
 * the modes are followed as they are: the group resumes where it committed.
 */
public class StreamingSwitch {

	private static final Logger log = LoggerFactory.getLogger(StreamingSwitch.class);

	private final Modes modes;

	private final BindingsLifecycleController bindings;

	private final TakeOver takeOver;

	private Map<UseCase, Mode> applied;

	public StreamingSwitch(Modes modes, BindingsLifecycleController bindings, TakeOver takeOver) {
		this.modes = modes;
		this.bindings = bindings;
		this.takeOver = takeOver;
	}

	/** Runs every {@code turnout.streaming.mode-check-interval}. */
	public synchronized void apply() {
		Map<UseCase, Mode> now = new EnumMap<>(UseCase.class);
		for (UseCase useCase : UseCase.values()) {
			now.put(useCase, this.modes.modeOf(useCase));
		}
		if (this.applied == null) {
			setEventsFunction(now.get(UseCase.EVENTS).streams());
			this.applied = now;
			return;
		}
		for (UseCase useCase : UseCase.values()) {
			Mode from = this.applied.get(useCase);
			Mode to = now.get(useCase);
			if (from != to) {
				log.info("use case {}: mode {} -> {}", useCase.code(), from.code(), to.code());
				if (useCase == UseCase.EVENTS) {
					switchEvents(to);
				}
				else if (to.streams()) {
					this.takeOver.restateFromFirstOpenDay(useCase);
				}
			}
		}
		this.applied = now;
	}

	/** The mode of a use case this switch last followed; empty before its first check. */
	public synchronized Optional<Mode> applied(UseCase useCase) {
		return Optional.ofNullable(this.applied).map(modes -> modes.get(useCase));
	}

	private void switchEvents(Mode to) {
		setEventsFunction(false);
		if (to.streams()) {
			this.takeOver.seekToFirstOpenDay();
			setEventsFunction(true);
		}
	}

	private void setEventsFunction(boolean running) {
		this.bindings.changeState(EventsStreamConfiguration.BINDING, running ? State.STARTED : State.STOPPED);
		log.info("use case events: streaming function {}", running ? "running" : "stopped");
	}

	/** Where the streaming side starts when it takes over from the nightly jobs. */
	public static class TakeOver {

		private final NightlyHistory history;

		private final EventsConsumerGroup group;

		private final DerivedRestater restater;

		private final Duration allowedLateness;

		public TakeOver(NightlyHistory history, EventsConsumerGroup group, DerivedRestater restater,
				Duration allowedLateness) {
			this.history = history;
			this.group = group;
			this.restater = restater;
			this.allowedLateness = allowedLateness;
		}

		/**
		 * The first day the nightly job of a use case did not complete, if it ever ran.
		 */
		Optional<LocalDate> firstOpenDay(UseCase useCase) {
			return HandOver.firstOpenDay(this.history.lastCompletedDay(useCase));
		}

		void seekToFirstOpenDay() {
			firstOpenDay(UseCase.EVENTS).ifPresent(day -> {
				Instant from = HandOver.replayFrom(day, this.allowedLateness);
				log.info("use case events: hand-over from {} on: consumer group {} moved to {} ({})", day,
						this.group.group(), from, this.group.seekTo(from));
			});
		}

		void restateFromFirstOpenDay(UseCase useCase) {
			Optional<LocalDate> first = firstOpenDay(useCase);
			Optional<LocalDate> last = this.restater.watermarkDay();
			if (first.isPresent() && last.isPresent()) {
				log.info("use case {}: hand-over restates {} to {}", useCase.code(), first.get(), last.get());
				this.restater.restateDays(useCase, first.get(), last.get());
			}
		}

	}

}
