package io.turnout.migration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.turnout.usecases.Mode;
import io.turnout.usecases.ModeRules;
import io.turnout.usecases.UseCase;

/**
 * The rules a run-time change of mode must pass (migration.md, Modes): the dependency
 * rule on the modes that would result, and the guard of a cut-over to {@code streaming}:
 * the last closed days must have passed the parity check in shadow, unless forced.
 */
public final class ModeChangeRules {

	private final int requiredParityDays;

	/**
	 * @param requiredParityDays closed days before a cut-over that must have passed
	 * parity ({@code turnout.migration.required-parity-days})
	 */
	public ModeChangeRules(int requiredParityDays) {
		this.requiredParityDays = requiredParityDays;
	}

	/**
	 * Decides a change.
	 * @param useCase the use case to change
	 * @param target its mode after the change
	 * @param modesNow every use case's effective mode now
	 * @param parity the parity results of the use case, by day (passed or not)
	 * @param today the current UTC date: the closed days are the ones before it
	 * @param force whether the operator forces a cut-over that the parity guard refuses
	 */
	public Decision decide(UseCase useCase, Mode target, Map<UseCase, Mode> modesNow, Map<LocalDate, Boolean> parity,
			LocalDate today, boolean force) {
		Mode from = modesNow.getOrDefault(useCase, Mode.BATCH);
		Map<UseCase, Mode> after = new EnumMap<>(UseCase.class);
		after.putAll(modesNow);
		after.put(useCase, target);
		List<String> violations = ModeRules.violations(after);
		if (!violations.isEmpty()) {
			return new Decision.Refused(from, target, String.join(" ", violations));
		}
		if (target != Mode.STREAMING || from == Mode.STREAMING) {
			return new Decision.Allowed(from, target, false);
		}
		List<String> notPassed = new ArrayList<>();
		for (int back = 1; back <= this.requiredParityDays; back++) {
			LocalDate day = today.minusDays(back);
			Boolean passed = parity.get(day);
			if (passed == null) {
				notPassed.add(day + " has no parity check");
			}
			else if (!passed) {
				notPassed.add(day + " failed parity");
			}
		}
		if (notPassed.isEmpty()) {
			return new Decision.Allowed(from, target, false);
		}
		if (force) {
			return new Decision.Allowed(from, target, true);
		}
		return new Decision.Refused(from, target,
				"Switching '" + useCase.code() + "' to streaming needs the last " + this.requiredParityDays
						+ " closed days to have passed the parity check in shadow: " + String.join(", ", notPassed)
						+ ". Run it in shadow until they pass, or force the change (--force).");
	}

	/** What becomes of a change. */
	public sealed interface Decision {

		Mode from();

		Mode to();

		/** The change may be made; {@code forced} when it skips a failed parity guard. */
		record Allowed(Mode from, Mode to, boolean forced) implements Decision {
		}

		/** The change is refused, with the reason an operator reads. */
		record Refused(Mode from, Mode to, String reason) implements Decision {
		}

	}

}
