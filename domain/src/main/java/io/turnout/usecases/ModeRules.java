package io.turnout.usecases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dependency rule of migration.md: a use case may stream only when everything it
 * depends on streams; shadow needs its dependencies in shadow or streaming.
 */
public final class ModeRules {

	private ModeRules() {
	}

	/**
	 * Every broken rule of a combination of modes, one sentence each naming the use cases
	 * involved.
	 */
	public static List<String> violations(Map<UseCase, Mode> modes) {
		List<String> violations = new ArrayList<>();
		for (UseCase useCase : UseCase.values()) {
			Mode mode = modes.getOrDefault(useCase, Mode.BATCH);
			for (UseCase dependency : useCase.dependsOn()) {
				Mode dependencyMode = modes.getOrDefault(dependency, Mode.BATCH);
				if (mode == Mode.STREAMING && dependencyMode != Mode.STREAMING) {
					violations.add("'" + useCase.code() + "' cannot run streaming while '" + dependency.code()
							+ "', which it depends on, runs " + dependencyMode.code() + "; switch '" + dependency.code()
							+ "' to streaming first.");
				}
				if (mode == Mode.SHADOW && dependencyMode == Mode.BATCH) {
					violations.add("'" + useCase.code() + "' cannot run shadow while '" + dependency.code()
							+ "', which it depends on, runs batch; switch '" + dependency.code()
							+ "' to shadow or streaming first.");
				}
			}
		}
		return violations;
	}

}
