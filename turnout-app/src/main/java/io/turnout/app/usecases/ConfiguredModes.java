package io.turnout.app.usecases;

import java.time.Duration;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.turnout.usecases.Mode;
import io.turnout.usecases.ModeRules;
import io.turnout.usecases.Modes;
import io.turnout.usecases.UseCase;

/**
 * The effective mode of each use case: the run-time override in the control database when
 * there is one, else configuration. An invalid configuration stops start-up with a
 * message naming the use cases involved.
 */
public class ConfiguredModes implements Modes {

	private final Map<UseCase, Mode> configured;

	/** How long the effective modes read from the control database are followed. */
	public static final Duration FRESH_FOR = Duration.ofSeconds(1);

	private final ModeOverrides overrides;

	private volatile Snapshot snapshot;

	public ConfiguredModes(UseCaseProperties properties, ModeOverrides overrides) {
		this.configured = new EnumMap<>(UseCase.class);
		properties.useCases().forEach((name, settings) -> {
			UseCase useCase;
			try {
				useCase = UseCase.fromCode(name);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("turnout.use-cases." + name + ": " + ex.getMessage());
			}
			this.configured.put(useCase, settings.mode());
		});
		List<String> violations = ModeRules.violations(this.configured);
		if (!violations.isEmpty()) {
			throw new IllegalStateException(
					"The configured modes break the dependency rule: " + String.join(" ", violations));
		}
		this.overrides = overrides;
	}

	public Mode configuredModeOf(UseCase useCase) {
		return this.configured.getOrDefault(useCase, Mode.BATCH);
	}

	/**
	 * The effective mode, as the running functions and jobs follow it: the overrides are
	 * read again at most every {@link #FRESH_FOR}, so a change made by any process
	 * sharing the control database is followed within that time.
	 */
	@Override
	public Mode modeOf(UseCase useCase) {
		Snapshot snapshot = this.snapshot;
		if (snapshot == null || System.nanoTime() - snapshot.readAtNanos() > FRESH_FOR.toNanos()) {
			Map<UseCase, Mode> overridden = new EnumMap<>(UseCase.class);
			for (ModeOverride override : this.overrides.findAll()) {
				overridden.put(UseCase.fromCode(override.useCase()), Mode.fromCode(override.mode()));
			}
			snapshot = new Snapshot(overridden, System.nanoTime());
			this.snapshot = snapshot;
		}
		return snapshot.overridden().getOrDefault(useCase, configuredModeOf(useCase));
	}

	/** The effective mode read from the control database now: for changing modes. */
	public Mode currentModeOf(UseCase useCase) {
		return this.overrides.findById(useCase.code())
			.map(override -> Mode.fromCode(override.mode()))
			.orElseGet(() -> configuredModeOf(useCase));
	}

	private record Snapshot(Map<UseCase, Mode> overridden, long readAtNanos) {
	}

}
