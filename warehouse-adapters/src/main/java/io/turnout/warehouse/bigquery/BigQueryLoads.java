package io.turnout.warehouse.bigquery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.FormatOptions;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.TableDataWriteChannel;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.WriteChannelConfiguration;
import io.turnout.warehouse.WarehouseException;
import io.turnout.warehouse.schema.BigQueryDialect;
import io.turnout.warehouse.schema.TableSpec;

/**
 * Loads rows into BigQuery the batch way: a newline-delimited JSON file is uploaded by a
 * load job into a staging table created like the target (expiring after a day), then one
 * {@code MERGE} replaces the target's slice with it. Load jobs cost nothing; the MERGE
 * runs within the cost cap of {@link BigQueryStatements}.
 */
public final class BigQueryLoads {

	private final BigQuery bigquery;

	private final BigQuerySettings settings;

	private final BigQueryStatements statements;

	private final BigQueryDialect dialect = new BigQueryDialect();

	public BigQueryLoads(BigQuery bigquery, BigQuerySettings settings, BigQueryStatements statements) {
		this.bigquery = bigquery;
		this.settings = settings;
		this.statements = statements;
	}

	/**
	 * Replaces one day of a table with the rows of a newline-delimited JSON file.
	 * @return the rows the MERGE inserted and deleted
	 */
	public long replaceDay(TableSpec table, LocalDate day, Path rows, Map<String, String> labels) {
		String target = this.settings.dataset() + "." + table.name();
		String stageTable = "_stage_" + table.name() + "_" + UUID.randomUUID().toString().replace("-", "");
		String stage = this.settings.dataset() + "." + stageTable;
		// A staging table per load, dropped by BigQuery a day later if a load dies.
		this.statements.run("create the staging table of " + table.name(),
				"CREATE TABLE IF NOT EXISTS `" + stage + "` LIKE `" + target
						+ "` OPTIONS(expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL 1 DAY))",
				Map.of(), labels);
		load(stageTable, rows, labels);
		long affected = 0;
		for (String merge : this.dialect.replaceDay(table, target, stage)) {
			affected += this.statements.run("replace " + table.name() + " of " + day,
					QueryJobConfiguration.newBuilder(merge)
						.setUseLegacySql(false)
						.addPositionalParameter(QueryParameterValue.date(day.toString()))
						.setLabels(labels)
						.build(),
					false)
				.affectedRows();
		}
		this.statements.run("drop the staging table of " + table.name(), "DROP TABLE IF EXISTS `" + stage + "`",
				Map.of(), labels);
		return affected;
	}

	/** Uploads a newline-delimited JSON file into a table by a load job, replacing it. */
	void load(String table, Path rows, Map<String, String> labels) {
		try (InputStream in = Files.newInputStream(rows)) {
			upload(table, null, in, labels);
		}
		catch (IOException ex) {
			throw new WarehouseException(
					"Loading " + rows + " into BigQuery table " + table + " failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Uploads newline-delimited JSON into a table of the dataset by a load job, replacing
	 * its rows.
	 * @param schema the table's columns, to create it; null for a table that exists
	 */
	void upload(String table, Schema schema, InputStream rows, Map<String, String> labels) {
		WriteChannelConfiguration.Builder configuration = WriteChannelConfiguration
			.newBuilder(TableId.of(this.settings.project(), this.settings.dataset(), table))
			.setFormatOptions(FormatOptions.json())
			.setWriteDisposition(JobInfo.WriteDisposition.WRITE_TRUNCATE)
			.setLabels(labels);
		if (schema != null) {
			configuration.setSchema(schema).setCreateDisposition(JobInfo.CreateDisposition.CREATE_IF_NEEDED);
		}
		else {
			configuration.setCreateDisposition(JobInfo.CreateDisposition.CREATE_NEVER);
		}
		JobId id = JobId.newBuilder()
			.setProject(this.settings.project())
			.setLocation(this.settings.location())
			.setJob("turnout_load_" + UUID.randomUUID().toString().replace("-", ""))
			.build();
		try {
			TableDataWriteChannel writer = this.bigquery.writer(id, configuration.build());
			try (OutputStream out = Channels.newOutputStream(writer)) {
				rows.transferTo(out);
			}
			Job job = writer.getJob().waitFor();
			BigQueryError error = (job != null) ? job.getStatus().getError() : null;
			if (job == null || error != null) {
				throw new WarehouseException("BigQuery load job " + id.getJob() + " into " + table + " failed: "
						+ ((error != null) ? error.getMessage() + " (" + error.getReason() + ")" : "it disappeared"),
						null);
			}
		}
		catch (IOException | BigQueryException ex) {
			throw new WarehouseException("Loading rows into BigQuery table " + table + " failed: " + ex.getMessage(),
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WarehouseException("Interrupted while loading rows into " + table, ex);
		}
	}

}
