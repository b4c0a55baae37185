package io.turnout.usecases;

import java.util.Locale;

/** Who owns a use case's tables (migration.md, Modes). */
public enum Mode {

	/** The nightly job owns the tables. */
	BATCH,

	/**
	 * The nightly job owns the tables; the streaming function writes the same rows to
	 * {@code
	 *
	<table>
	 * _shadow}.
	 */
	SHADOW,

	/** The streaming function owns the tables; running the job by hand is a backfill. */
	STREAMING;

	/** Whether the streaming function runs: to own the tables, or beside the job. */
	public boolean streams() {
		return this != BATCH;
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Mode fromCode(String code) {
		for (Mode mode : values()) {
			if (mode.code().equals(code)) {
				return mode;
			}
		}
		throw new IllegalArgumentException("Unknown mode '" + code + "'; use batch, shadow or streaming.");
	}

}
