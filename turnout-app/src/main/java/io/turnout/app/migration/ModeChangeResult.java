package io.turnout.app.migration;

/**
 * What became of a change of mode.
 *
 * @param applied whether the mode changed (or already was the one asked for)
 * @param refusal why nothing changed; {@link Refusal#NONE} when applied
 * @param message what an operator reads: the new mode, or why nothing changed
 */
public record ModeChangeResult(boolean applied, Refusal refusal, String message) {

	static ModeChangeResult applied(String message) {
		return new ModeChangeResult(true, Refusal.NONE, message);
	}

	static ModeChangeResult refused(Refusal refusal, String message) {
		return new ModeChangeResult(false, refusal, message);
	}

	/** Why a change was refused. */
	public enum Refusal {

		NONE,

		/** The caller is not allowed to change modes. */
		NOT_AUTHORIZED,

		UNKNOWN_USE_CASE,

		UNKNOWN_MODE,

		/** The dependency rule or the parity guard refuses the change. */
		RULES,

		/** The use case's nightly job is running. */
		BUSY

	}

}
