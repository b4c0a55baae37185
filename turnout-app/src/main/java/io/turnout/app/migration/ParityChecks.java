package io.turnout.app.migration;

import java.time.Clock;
import java.time.LocalDate;

import io.turnout.jobs.NightlyJobs;
import io.turnout.migration.CheckParity;
import io.turnout.usecases.Mode;
import io.turnout.usecases.Modes;
import io.turnout.usecases.UseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parity check of shadow days, run after each nightly job of a use case in shadow and
 * by hand ({@code parity <use-case> --date=D}), with its reports kept in the control
 * database.
 */
public class ParityChecks implements NightlyJobs.AfterNightlyRun {

	private static final Logger log = LoggerFactory.getLogger(ParityChecks.class);

	private final CheckParity check;

	private final ParityReports reports;

	private final Modes modes;

	private final Clock clock;

	public ParityChecks(CheckParity check, ParityReports reports, Modes modes, Clock clock) {
		this.check = check;
		this.reports = reports;
		this.modes = modes;
		this.clock = clock;
	}

	/** Compares the day's tables and shadow copies and records the report. */
	public ParityReport run(UseCase useCase, LocalDate day) {
		ParityReport report = this.reports.save(ParityReport.of(this.check.check(useCase, day), this.clock.instant()));
		log.info("use case {}, day {}: parity {}", useCase.code(), day, report.summary());
		return report;
	}

	@Override
	public void completed(String useCase, LocalDate businessDate) {
		UseCase completed = UseCase.fromCode(useCase);
		if (this.modes.modeOf(completed) == Mode.SHADOW) {
			run(completed, businessDate);
		}
	}

}
