package io.turnout.app.migration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What an operator sees of one use case: its modes, its nightly job, its streaming
 * consumer group and its parity history ({@code mode show} and
 * {@code GET /admin/use-cases}).
 *
 * @param useCase the use case
 * @param configuredMode {@code turnout.use-cases.<name>.mode}
 * @param override the run-time override, or null
 * @param effectiveMode the mode it runs in
 * @param lastCompletedDay the latest day its nightly job completed, or null
 * @param lastNightlyRun its latest nightly run, whatever the outcome, or null
 * @param consumerLag messages the events function's consumer group has not committed,
 * when the use case streams and the broker answers; else null
 * @param parity the latest parity checks, newest first
 */
public record UseCaseState(String useCase, String configuredMode, Override override, String effectiveMode,
		LocalDate lastCompletedDay, NightlyRun lastNightlyRun, Long consumerLag, List<Parity> parity) {

	/** A run-time override: the mode, who set it, when and why. */
	public record Override(String mode, String setBy, Instant setAt, String reason) {
	}

	/** A nightly run: its business date, Spring Batch status and end. */
	public record NightlyRun(LocalDate businessDate, String status, String endedAt) {
	}

	/** One parity check. */
	public record Parity(LocalDate day, boolean passed, Instant checkedAt, String summary) {
	}

}
