package io.turnout.usecases;

import io.turnout.events.EventsStreamConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;

/**
 * Starts a use case's streaming function when its mode is {@code streaming}, and stops it
 * otherwise. Checks every few seconds, so a run-time change of mode is picked up without
 * a restart.
 */
public class StreamingSwitch {

	private static final Logger log = LoggerFactory.getLogger(StreamingSwitch.class);

	private final Modes modes;

	private final BindingsLifecycleController bindings;

	private Boolean eventsRunning;

	public StreamingSwitch(Modes modes, BindingsLifecycleController bindings) {
		this.modes = modes;
		this.bindings = bindings;
	}

	/** Runs every {@code turnout.streaming.mode-check-interval}. */
	public synchronized void apply() {
		boolean wanted = this.modes.modeOf(UseCase.EVENTS) == Mode.STREAMING;
		if (this.eventsRunning == null || wanted != this.eventsRunning) {
			this.bindings.changeState(EventsStreamConfiguration.BINDING, wanted ? State.STARTED : State.STOPPED);
			this.eventsRunning = wanted;
			log.info("use case events: streaming function {}", wanted ? "started" : "stopped");
		}
	}

}
