package io.turnout.events;

/**
 * A stand-in for validation in the reader tests: each line's outcome names the line, so
 * the order the lines are handed out in can be checked.
 */
final class LinesAsOutcomes {

	private LinesAsOutcomes() {
	}

	static Outcome outcomeOf(String line) {
		return new Outcome.Failed(new FailedEvent(line, null, null, FailureReason.INVALID_JSON, "line", line, null));
	}

	static String lineOf(Outcome outcome) {
		return ((Outcome.Failed) outcome).failure().raw();
	}

}
