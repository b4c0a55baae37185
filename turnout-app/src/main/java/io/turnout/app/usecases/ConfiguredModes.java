package io.turnout.app.usecases;

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

	private final ModeOverrides overrides;

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
		this.configured.forEach((useCase, mode) -> {
			if (mode == Mode.SHADOW) {
				throw new IllegalStateException("turnout.use-cases." + useCase.code()
						+ ".mode=shadow: shadow runs (the <table>_shadow tables and the nightly parity check) are "
						+ "not available in this version; use batch or streaming.");
			}
		});
		this.overrides = overrides;
	}

	public Mode configuredModeOf(UseCase useCase) {
		return this.configured.getOrDefault(useCase, Mode.BATCH);
	}

	@Override
	public Mode modeOf(UseCase useCase) {
		return this.overrides.findById(useCase.code())
			.map(override -> Mode.fromCode(override.mode()))
			.orElseGet(() -> configuredModeOf(useCase));
	}

}
