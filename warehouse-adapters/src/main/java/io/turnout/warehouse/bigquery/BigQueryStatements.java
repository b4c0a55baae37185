package io.turnout.warehouse.bigquery;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import io.turnout.warehouse.WarehouseException;

/**
 * Runs Turnout's statements (the MERGEs of a load, the DDL of a migration) as BigQuery
 * query jobs, within a cost cap: each statement is first dry-run, and refused when the
 * estimate exceeds {@code maximumBytesBilled}; the job itself carries the cap, so
 * BigQuery refuses it too if the estimate was wrong. Jobs are labelled with the use case
 * and run, for the billing export.
 */
public final class BigQueryStatements {

	/** Attempts of a call BigQuery answers with a server error. */
	static final int ATTEMPTS = 4;

	private static final long FIRST_PAUSE_MILLIS = 200;

	private final BigQuery bigquery;

	private final BigQuerySettings settings;

	public BigQueryStatements(BigQuery bigquery, BigQuerySettings settings) {
		this.bigquery = bigquery;
		this.settings = settings;
	}

	/**
	 * Runs one statement.
	 * @param purpose what the statement does, for messages ("replace sessions of
	 * 2026-11-25")
	 * @param labels job labels, e.g. {@code use_case=sessions}, {@code run=nightly}
	 */
	public Result run(String purpose, String sql, Map<String, QueryParameterValue> parameters,
			Map<String, String> labels) {
		return run(purpose,
				QueryJobConfiguration.newBuilder(sql)
					.setNamedParameters(parameters)
					.setUseLegacySql(false)
					.setLabels(labels)
					.build(),
				false);
	}

	/**
	 * Runs one statement as configured (positional parameters, a session), within the
	 * cost cap; statements that process no data ({@code BEGIN}, {@code COMMIT},
	 * {@code ROLLBACK TRANSACTION}, {@code CALL BQ.ABORT_SESSION()}, a temporary table's
	 * creation, {@code TRUNCATE}) skip the dry run.
	 * @param readRows whether to read the rows the statement returns
	 */
	public Result run(String purpose, QueryJobConfiguration statement, boolean readRows) {
		try {
			long estimate = 0;
			if (!processesNoData(statement.getQuery())) {
				Job dryRun = withRetries(attempt -> this.bigquery.create(JobInfo
					.of(statement.toBuilder().setDryRun(true).setUseQueryCache(false).setCreateSession(null).build())));
				estimate = bytesProcessed(dryRun);
				if (estimate > this.settings.maximumBytesBilled()) {
					throw new WarehouseException("BigQuery statement refused (" + purpose + "): its dry run estimates "
							+ estimate + " bytes processed, over the cap of " + this.settings.maximumBytesBilled()
							+ " bytes (turnout.warehouse.bigquery.maximum-bytes-billed).", null);
				}
			}
			JobId id = JobId.newBuilder()
				.setProject(this.settings.project())
				.setLocation(this.settings.location())
				.setJob("turnout_" + UUID.randomUUID().toString().replace("-", ""))
				.build();
			JobInfo capped = JobInfo.of(id,
					statement.toBuilder().setMaximumBytesBilled(this.settings.maximumBytesBilled()).build());
			// The job id is ours: a retried insertion of a job BigQuery already has is
			// not a second job.
			Job job = withRetries(attempt -> {
				Job existing = (attempt > 1) ? this.bigquery.getJob(id) : null;
				return (existing != null) ? existing : this.bigquery.create(capped);
			});
			job = job.waitFor();
			if (job == null) {
				throw new WarehouseException("BigQuery job " + id.getJob() + " (" + purpose + ") disappeared.", null);
			}
			BigQueryError error = job.getStatus().getError();
			if (error != null) {
				throw new WarehouseException(
						"BigQuery job " + id.getJob() + " (" + purpose + ") failed: " + describe(error), null);
			}
			JobStatistics.QueryStatistics statistics = job.getStatistics();
			Long affected = (statistics != null) ? statistics.getNumDmlAffectedRows() : null;
			JobStatistics.SessionInfo session = (statistics != null) ? statistics.getSessionInfo() : null;
			return new Result(estimate, (affected != null) ? affected : 0,
					(session != null) ? session.getSessionId() : null,
					readRows ? BigQueryRows.of(job.getQueryResults()) : List.of());
		}
		catch (BigQueryException ex) {
			if (ex.getCode() == 0) {
				// No HTTP answer at all.
				throw new WarehouseException("Cannot reach BigQuery "
						+ ((this.settings.host() != null) ? "at " + this.settings.host() : "") + " for project '"
						+ this.settings.project() + "' (" + purpose + "): " + ex.getMessage(), ex);
			}
			throw new WarehouseException("BigQuery refused the statement (" + purpose + "): "
					+ ((ex.getError() != null) ? describe(ex.getError()) : ex.getMessage()) + " [HTTP " + ex.getCode()
					+ "]", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WarehouseException("Interrupted while BigQuery ran the statement (" + purpose + ")", ex);
		}
	}

	private static boolean processesNoData(String sql) {
		String statement = sql.strip().toUpperCase(Locale.ROOT);
		return statement.startsWith("BEGIN TRANSACTION") || statement.startsWith("COMMIT TRANSACTION")
				|| statement.startsWith("ROLLBACK TRANSACTION") || statement.startsWith("CALL BQ.ABORT_SESSION")
				|| statement.startsWith("CREATE TEMP TABLE") || statement.startsWith("TRUNCATE TABLE");
	}

	/**
	 * Retries what BigQuery answers with a server error or a rate limit: up to
	 * {@link #ATTEMPTS} attempts, with a doubling pause. A client error (4xx) is not
	 * retried.
	 */
	private static Job withRetries(IntFunction<Job> call) throws InterruptedException {
		long pause = FIRST_PAUSE_MILLIS;
		for (int attempt = 1;; attempt++) {
			try {
				return call.apply(attempt);
			}
			catch (BigQueryException ex) {
				// No answer at all (code 0): the client library has already retried.
				boolean retryable = ex.getCode() != 0
						&& (ex.isRetryable() || ex.getCode() >= 500 || ex.getCode() == 429);
				if (!retryable || attempt >= ATTEMPTS) {
					throw ex;
				}
				Thread.sleep(pause);
				pause *= 2;
			}
		}
	}

	private static long bytesProcessed(Job dryRun) {
		JobStatistics.QueryStatistics statistics = dryRun.getStatistics();
		Long bytes = (statistics != null) ? statistics.getTotalBytesProcessed() : null;
		return (bytes != null) ? bytes : 0;
	}

	private static String describe(BigQueryError error) {
		return error.getMessage() + " (" + error.getReason() + ")";
	}

	/**
	 * What a statement did.
	 *
	 * @param estimatedBytes the dry run's estimate of the bytes processed
	 * @param affectedRows rows inserted, updated or deleted by a DML statement
	 * @param sessionId the session the statement created, if it created one
	 * @param rows the rows it returned, when read
	 */
	public record Result(long estimatedBytes, long affectedRows, String sessionId, List<Object[]> rows) {
	}

}
