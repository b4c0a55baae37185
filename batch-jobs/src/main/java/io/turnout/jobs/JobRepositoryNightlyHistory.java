package io.turnout.jobs;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.turnout.usecases.NightlyHistory;
import io.turnout.usecases.UseCase;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nightly jobs' history, read from Spring Batch's job repository in the control
 * database: the same record {@code job run} restarts from.
 */
public class JobRepositoryNightlyHistory implements NightlyHistory {

	private final JdbcTemplate control;

	public JobRepositoryNightlyHistory(JdbcTemplate control) {
		this.control = control;
	}

	@Override
	public Optional<LocalDate> lastCompletedDay(UseCase useCase) {
		List<String> days = this.control.queryForList("""
				SELECT MAX(p.PARAMETER_VALUE) FROM BATCH_JOB_INSTANCE i
				JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID
				JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
				WHERE i.JOB_NAME = ? AND e.STATUS = 'COMPLETED' AND p.PARAMETER_NAME = 'businessDate'
				""", String.class, useCase.code());
		return days.stream().filter(day -> day != null).findFirst().map(LocalDate::parse);
	}

	/** The latest run of a use case's nightly job, whatever its outcome. */
	public Optional<LastRun> lastRun(UseCase useCase) {
		List<LastRun> runs = this.control.query("""
				SELECT p.PARAMETER_VALUE, e.STATUS, e.END_TIME FROM BATCH_JOB_INSTANCE i
				JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID
				JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
				WHERE i.JOB_NAME = ? AND p.PARAMETER_NAME = 'businessDate'
				ORDER BY e.JOB_EXECUTION_ID DESC
				""",
				(rs, row) -> new LastRun(LocalDate.parse(rs.getString(1)), rs.getString(2),
						(rs.getTimestamp(3) != null) ? rs.getTimestamp(3).toInstant().toString() : null),
				useCase.code());
		return runs.stream().findFirst();
	}

	/** One run: its business date, Spring Batch status and end (null while running). */
	public record LastRun(LocalDate businessDate, String status, String endedAt) {
	}

}
