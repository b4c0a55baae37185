package io.turnout.warehouse.bigquery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import io.turnout.warehouse.WarehouseException;

/**
 * Applies the versioned BigQuery migrations ({@code V<n>__name.sql} under
 * {@code db/warehouse/bigquery}) the way Flyway would, since Flyway has no BigQuery
 * driver from Maven Central: a history table ({@code turnout_schema_history}) records
 * each applied version with its checksum; a migration that changed after it was applied,
 * or that disappeared, stops the start-up with the version and both checksums; pending
 * ones run in order, each as one script within the cost cap.
 */
public final class BigQueryMigrations {

	static final String HISTORY = "turnout_schema_history";

	private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

	/**
	 * Where a migration names the dataset, as Flyway's placeholders do; the checksum is
	 * the file's own text.
	 */
	static final String SCHEMA_PLACEHOLDER = "${schema}";

	private final BigQuery bigquery;

	private final BigQuerySettings settings;

	private final BigQueryStatements statements;

	public BigQueryMigrations(BigQuery bigquery, BigQuerySettings settings, BigQueryStatements statements) {
		this.bigquery = bigquery;
		this.settings = settings;
		this.statements = statements;
	}

	/**
	 * Validates the applied migrations and applies the pending ones.
	 * @return the versions applied now
	 */
	public List<Integer> migrate(List<Migration> migrations) {
		String history = "`" + this.settings.dataset() + "." + HISTORY + "`";
		this.statements.run("create the schema history",
				"CREATE TABLE IF NOT EXISTS " + history
						+ " (version INT64 NOT NULL, description STRING NOT NULL, checksum STRING NOT NULL, "
						+ "installed_on TIMESTAMP NOT NULL)",
				Map.of(), Map.of("run", "migrate"));
		Map<Integer, String> applied = applied(history);
		Map<Integer, Migration> byVersion = new LinkedHashMap<>();
		migrations.forEach(migration -> byVersion.put(migration.version(), migration));
		applied.forEach((version, checksum) -> {
			Migration migration = byVersion.get(version);
			if (migration == null) {
				throw new WarehouseException("BigQuery migration V" + version + " was applied to dataset "
						+ this.settings.dataset() + " but is no longer in this build: refusing to start.", null);
			}
			if (!migration.checksum().equals(checksum)) {
				throw new WarehouseException(
						"BigQuery migration V" + version + " (" + migration.description()
								+ ") changed after it was applied to dataset " + this.settings.dataset() + ": checksum "
								+ checksum + " in " + HISTORY + ", " + migration.checksum()
								+ " in the file. Applied migrations must never change; add a new version instead.",
						null);
			}
		});
		List<Integer> appliedNow = new ArrayList<>();
		for (Migration migration : migrations) {
			if (applied.containsKey(migration.version())) {
				continue;
			}
			this.statements.run("migration V" + migration.version() + " " + migration.description(),
					migration.sql().replace(SCHEMA_PLACEHOLDER, this.settings.dataset()), Map.of(),
					Map.of("run", "migrate"));
			this.statements.run("record migration V" + migration.version(), "INSERT INTO " + history
					+ " (version, description, checksum, installed_on) VALUES (@version, @description, @checksum, "
					+ "CURRENT_TIMESTAMP())",
					Map.of("version", QueryParameterValue.int64(migration.version()), "description",
							QueryParameterValue.string(migration.description()), "checksum",
							QueryParameterValue.string(migration.checksum())),
					Map.of("run", "migrate"));
			appliedNow.add(migration.version());
		}
		return appliedNow;
	}

	private Map<Integer, String> applied(String history) {
		Map<Integer, String> applied = new LinkedHashMap<>();
		try {
			Job job = this.bigquery.create(JobInfo.of(JobId.newBuilder().setLocation(this.settings.location()).build(),
					QueryJobConfiguration.newBuilder("SELECT version, checksum FROM " + history + " ORDER BY version")
						.setUseLegacySql(false)
						.build()));
			for (FieldValueList row : job.getQueryResults().iterateAll()) {
				applied.put((int) row.get(0).getLongValue(), row.get(1).getStringValue());
			}
			return applied;
		}
		catch (BigQueryException ex) {
			throw new WarehouseException(
					"Cannot read " + HISTORY + " in dataset " + this.settings.dataset() + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WarehouseException("Interrupted while reading " + HISTORY, ex);
		}
	}

	/** The migrations of a classpath folder, by version. */
	public static List<Migration> fromClasspath(String folder, List<String> files) {
		List<Migration> migrations = new ArrayList<>();
		for (String file : files) {
			Matcher name = NAME.matcher(file);
			if (!name.matches()) {
				throw new IllegalArgumentException("Not a versioned migration name (V<n>__name.sql): " + file);
			}
			try (InputStream in = BigQueryMigrations.class.getClassLoader().getResourceAsStream(folder + "/" + file)) {
				if (in == null) {
					throw new IllegalArgumentException("No migration " + folder + "/" + file + " on the classpath");
				}
				migrations.add(Migration.of(Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '),
						new String(in.readAllBytes(), StandardCharsets.UTF_8)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		migrations.sort((a, b) -> Integer.compare(a.version(), b.version()));
		return migrations;
	}

	/** One versioned migration: its script and the SHA-256 of its text. */
	public record Migration(int version, String description, String sql, String checksum) {

		public static Migration of(int version, String description, String sql) {
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8));
				return new Migration(version, description, sql, HexFormat.of().formatHex(digest));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
