package io.turnout.app.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;

import io.turnout.app.usecases.ConfiguredModes;
import io.turnout.app.usecases.ModeOverrides;
import io.turnout.jobs.JobRepositoryNightlyHistory;
import io.turnout.usecases.Mode;
import io.turnout.usecases.UseCase;

/**
 * The state of every use case, read from the control database (and Kafka for the lag).
 */
public class UseCaseStates {

	/** Parity checks shown per use case. */
	static final int PARITY_HISTORY = 10;

	private final ConfiguredModes modes;

	private final ModeOverrides overrides;

	private final JobRepositoryNightlyHistory nightly;

	private final ParityReports parity;

	private final Supplier<OptionalLong> eventsLag;

	/**
	 * @param eventsLag the lag of the events function's consumer group; empty where no
	 * broker is reachable (the command line)
	 */
	public UseCaseStates(ConfiguredModes modes, ModeOverrides overrides, JobRepositoryNightlyHistory nightly,
			ParityReports parity, Supplier<OptionalLong> eventsLag) {
		this.modes = modes;
		this.overrides = overrides;
		this.nightly = nightly;
		this.parity = parity;
		this.eventsLag = eventsLag;
	}

	public List<UseCaseState> all() {
		OptionalLong lag = null;
		List<UseCaseState> states = new ArrayList<>();
		for (UseCase useCase : UseCase.values()) {
			Mode effective = this.modes.currentModeOf(useCase);
			Long consumerLag = null;
			if (effective.streams()) {
				lag = (lag != null) ? lag : this.eventsLag.get();
				consumerLag = lag.isPresent() ? lag.getAsLong() : null;
			}
			states.add(new UseCaseState(useCase.code(), this.modes.configuredModeOf(useCase).code(),
					this.overrides.findById(useCase.code())
						.map(o -> new UseCaseState.Override(o.mode(), o.setBy(), o.setAt(), o.reason()))
						.orElse(null),
					effective.code(), this.nightly.lastCompletedDay(useCase).orElse(null),
					this.nightly.lastRun(useCase)
						.map(run -> new UseCaseState.NightlyRun(run.businessDate(), run.status(), run.endedAt()))
						.orElse(null),
					consumerLag,
					this.parity.findByUseCaseOrderByIdDesc(useCase.code())
						.stream()
						.limit(PARITY_HISTORY)
						.map(report -> new UseCaseState.Parity(report.businessDate(), report.passed(),
								report.checkedAt(), report.summary()))
						.toList()));
		}
		return states;
	}

	public UseCaseState of(UseCase useCase) {
		return all().stream().filter(state -> state.useCase().equals(useCase.code())).findFirst().orElseThrow();
	}

}
