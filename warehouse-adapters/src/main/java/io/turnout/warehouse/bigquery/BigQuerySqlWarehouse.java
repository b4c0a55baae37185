package io.turnout.warehouse.bigquery;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.ConnectionProperty;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import io.turnout.json.Json;
import io.turnout.json.JsonValue;
import io.turnout.warehouse.WarehouseException;
import io.turnout.warehouse.schema.BigQueryDialect;
import io.turnout.warehouse.schema.ColumnSpec;
import io.turnout.warehouse.schema.TableSpec;
import io.turnout.warehouse.schema.WarehouseDialect;
import io.turnout.warehouse.sql.SqlTransaction;
import io.turnout.warehouse.sql.SqlWarehouse;

/**
 * BigQuery as a SQL warehouse, so that every use case writes there through the SQL
 * adapters.
 *
 * <p>
 * A transaction is a BigQuery session running one multi-statement transaction:
 * {@code BEGIN TRANSACTION} creates the session, every statement runs in it (its working
 * tables are the session's temporary tables), and {@code COMMIT TRANSACTION} makes every
 * write visible at once; a failure rolls it back. Rows are never inserted one by one:
 * each load uploads newline-delimited JSON by a load job into a scratch table of the
 * dataset (load jobs are free and outside the transaction), then one
 * {@code INSERT ... SELECT} inside the transaction copies them; the streaming side writes
 * the scratch tables through the Storage Write API instead. Scratch tables are deleted
 * and the session ended when the transaction ends. Every query runs within the cost cap
 * of {@link BigQueryStatements}.
 */
public final class BigQuerySqlWarehouse implements SqlWarehouse {

	static final String SCRATCH_PREFIX = "_turnout_load_";

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

	private final BigQuery bigquery;

	private final BigQuerySettings settings;

	private final BigQueryStatements statements;

	private final BigQueryLoads loads;

	/** Loads through the Storage Write API instead of load jobs; null for load jobs. */
	private final BigQueryStreamingLoads streamingLoads;

	private final Map<String, String> labels;

	private final WarehouseDialect dialect = new BigQueryDialect();

	private final ReentrantLock lock = new ReentrantLock(true);

	/**
	 * The nightly jobs' warehouse: rows arrive by load jobs.
	 * @param labels the labels of every job, for the billing export ({@code app=turnout})
	 */
	public BigQuerySqlWarehouse(BigQuery bigquery, BigQuerySettings settings, Map<String, String> labels) {
		this(bigquery, settings, null, labels);
	}

	/**
	 * The streaming functions' warehouse: rows arrive through the Storage Write API's
	 * pending streams ({@link BigQueryStreamingLoads}), so that micro-batches never run
	 * into the load-job quotas.
	 */
	public BigQuerySqlWarehouse(BigQuery bigquery, BigQuerySettings settings, BigQueryWriteClient writeClient,
			Map<String, String> labels) {
		this.bigquery = bigquery;
		this.settings = settings;
		this.statements = new BigQueryStatements(bigquery, settings);
		this.loads = new BigQueryLoads(bigquery, settings, this.statements);
		this.streamingLoads = (writeClient != null) ? new BigQueryStreamingLoads(bigquery, writeClient, settings)
				: null;
		this.labels = Map.copyOf(labels);
	}

	@Override
	public WarehouseDialect dialect() {
		return this.dialect;
	}

	@Override
	public <T> T inOneTransaction(Function<SqlTransaction, T> work) {
		this.lock.lock();
		try {
			Transaction transaction = new Transaction();
			try {
				T result = work.apply(transaction);
				transaction.commit();
				return result;
			}
			catch (RuntimeException | Error ex) {
				transaction.rollBack(ex);
				throw ex;
			}
			finally {
				transaction.end();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private QueryJobConfiguration.Builder statement(String sql) {
		return QueryJobConfiguration.newBuilder(sql).setUseLegacySql(false).setLabels(this.labels);
	}

	/**
	 * One unit of work in one session. A BigQuery transaction reads the tables as they
	 * were when it began, so rows loaded by a job into a scratch table after
	 * {@code BEGIN TRANSACTION} would not be there for it: the transaction begins at the
	 * first statement that writes a table of the dataset, and the loads before it go to
	 * scratch tables then (their {@code INSERT ... SELECT}s wait for that statement). The
	 * reads before it see what is committed: one writer per use case at a time (leases,
	 * modes) keeps that the state the writes build on. Loads after the transaction began
	 * are sent inside it, as JSON in a statement parameter.
	 */
	private final class Transaction implements SqlTransaction {

		/** The most JSON text one statement carries as its parameter. */
		static final int PARAMETER_CHARS = 4_000_000;

		private final List<String> scratchTables = new ArrayList<>();

		/** The {@code INSERT ... SELECT}s from scratch tables, waiting for the begin. */
		private final List<String> pendingInserts = new ArrayList<>();

		private List<ConnectionProperty> session;

		private boolean begun;

		@Override
		public void load(String table, TableSpec spec, List<Object[]> rows) {
			if (rows.isEmpty()) {
				return;
			}
			if (this.begun) {
				insertAsParameters(table, spec.columns(), rows);
				return;
			}
			String scratch = upload(schemaOf(spec), spec.columns(), rows);
			String insert = "INSERT INTO `" + table + "` (" + String.join(", ", spec.columnNames()) + ") SELECT "
					+ spec.columns().stream().map(BigQuerySqlWarehouse::fromScratch).collect(Collectors.joining(", "))
					+ " FROM `" + settings.dataset() + "." + scratch + "`";
			if (writesDataset(insert)) {
				this.pendingInserts.add(insert);
			}
			else {
				run("load " + rows.size() + " rows into " + table, insert, List.of(), false);
			}
		}

		@Override
		public void loadKeys(String keys, List<String> values) {
			if (!values.isEmpty()) {
				insertAsParameters(keys, List.of(new ColumnSpec("k", "VARCHAR", true, true, "key")),
						values.stream().map(value -> new Object[] { value }).toList());
			}
		}

		@Override
		public void execute(String sql, Object... parameters) {
			beforeStatement(writesDataset(sql));
			run("statement", sql, List.of(parameters), false);
		}

		@Override
		public List<Object[]> query(String sql, Object... parameters) {
			beforeStatement(false);
			return run("query", sql, List.of(parameters), true).rows();
		}

		/** Begins where a statement writes the dataset, then runs the waiting loads. */
		private void beforeStatement(boolean writes) {
			if ((writes || !this.pendingInserts.isEmpty()) && !this.begun) {
				run("begin the transaction", "BEGIN TRANSACTION", List.of(), false);
				this.begun = true;
			}
			List<String> inserts = List.copyOf(this.pendingInserts);
			this.pendingInserts.clear();
			for (String insert : inserts) {
				run("load", insert, List.of(), false);
			}
		}

		void commit() {
			beforeStatement(false);
			if (this.begun) {
				run("commit the transaction", "COMMIT TRANSACTION", List.of(), false);
			}
		}

		/**
		 * Rows as one JSON array per statement parameter, each value read back with its
		 * column's type: for loads inside the transaction, which cannot read a table
		 * loaded after it began.
		 */
		private void insertAsParameters(String table, List<ColumnSpec> columns, List<Object[]> rows) {
			String insert = "INSERT INTO `" + table + "` ("
					+ columns.stream().map(ColumnSpec::name).collect(Collectors.joining(", ")) + ") SELECT "
					+ columns.stream().map(BigQuerySqlWarehouse::fromJson).collect(Collectors.joining(", "))
					+ " FROM UNNEST(JSON_QUERY_ARRAY(?)) AS r";
			boolean writes = writesDataset(insert);
			StringBuilder json = new StringBuilder("[");
			int count = 0;
			for (Object[] row : rows) {
				String object = jsonObject(columns, row);
				if (count > 0 && json.length() + object.length() > PARAMETER_CHARS) {
					beforeStatement(writes);
					run("load " + count + " rows into " + table, insert, List.of(json.append(']').toString()), false);
					json = new StringBuilder("[");
					count = 0;
				}
				json.append((count > 0) ? "," : "").append(object);
				count++;
			}
			beforeStatement(writes);
			run("load " + count + " rows into " + table, insert, List.of(json.append(']').toString()), false);
		}

		BigQueryStatements.Result run(String purpose, String sql, List<Object> parameters, boolean readRows) {
			QueryJobConfiguration.Builder statement = statement(sql);
			if (this.session != null) {
				statement.setConnectionProperties(this.session);
			}
			else {
				statement.setCreateSession(true);
			}
			for (Object parameter : parameters) {
				statement.addPositionalParameter(parameter(parameter));
			}
			BigQueryStatements.Result result = statements.run(purpose + ": " + abbreviated(sql), statement.build(),
					readRows);
			if (this.session == null) {
				if (result.sessionId() == null) {
					throw new WarehouseException("BigQuery started no session for the transaction", null);
				}
				this.session = List.of(ConnectionProperty.of("session_id", result.sessionId()));
			}
			return result;
		}

		private String upload(Schema schema, List<ColumnSpec> columns, List<Object[]> rows) {
			String scratch = SCRATCH_PREFIX + UUID.randomUUID().toString().replace("-", "");
			this.scratchTables.add(scratch);
			if (streamingLoads != null) {
				streamingLoads.write(scratch, schema, rows);
			}
			else {
				loads.upload(scratch, schema, new ByteArrayInputStream(ndjson(columns, rows)), labels);
			}
			return scratch;
		}

		void rollBack(Throwable cause) {
			if (!this.begun) {
				return;
			}
			try {
				run("roll back the transaction", "ROLLBACK TRANSACTION", List.of(), false);
			}
			catch (RuntimeException ex) {
				// The session's end rolls back what is still open.
				cause.addSuppressed(ex);
			}
		}

		/** Deletes the scratch tables and ends the session, with its temporary tables. */
		void end() {
			for (String scratch : this.scratchTables) {
				try {
					bigquery.delete(TableId.of(settings.project(), settings.dataset(), scratch));
				}
				catch (BigQueryException ex) {
					// Left for the dataset's default table expiration (README).
				}
			}
			if (this.session == null) {
				return;
			}
			try {
				run("end the session", "CALL BQ.ABORT_SESSION()", List.of(), false);
			}
			catch (RuntimeException ex) {
				// BigQuery ends an idle session by itself.
			}
		}

	}

	/** A column read from the JSON object {@code r} of a statement parameter. */
	private static String fromJson(ColumnSpec column) {
		String text = "JSON_VALUE(r, '$." + column.name() + "')";
		String type = column.type();
		if (type.startsWith("VARCHAR")) {
			return text;
		}
		if (type.equals("JSON")) {
			return "PARSE_JSON(" + text + ", wide_number_mode => 'round')";
		}
		return "CAST(" + text + " AS " + typeOf(column).name() + ")";
	}

	/**
	 * Whether a statement writes a table of the dataset (a schema-qualified name), not a
	 * temporary table of the session.
	 */
	static boolean writesDataset(String sql) {
		String[] words = sql.strip().split("\\s+", 4);
		String verb = words[0].toUpperCase(java.util.Locale.ROOT);
		String target = switch (verb) {
			case "INSERT", "DELETE", "TRUNCATE" -> (words.length > 2) ? words[2] : "";
			case "UPDATE" -> (words.length > 1) ? words[1] : "";
			case "MERGE" -> (words.length > 1 && words[1].equalsIgnoreCase("INTO")) ? words[2] : words[1];
			default -> "";
		};
		return target.replace("`", "").contains(".");
	}

	/** A column of a scratch table as its table's type: JSON text parsed. */
	private static String fromScratch(ColumnSpec column) {
		return column.type().equals("JSON") ? "PARSE_JSON(" + column.name() + ", wide_number_mode => 'round')"
				: column.name();
	}

	/**
	 * The columns of a load, typed as BigQuery reads them from JSON; JSON columns are
	 * their text.
	 */
	static Schema schemaOf(TableSpec spec) {
		return Schema.of(spec.columns().stream().map(column -> Field.of(column.name(), typeOf(column))).toList());
	}

	private static StandardSQLTypeName typeOf(ColumnSpec column) {
		return column.type().equals("JSON") ? StandardSQLTypeName.STRING
				: StandardSQLTypeName.valueOf(BigQueryDialect.baseType(column));
	}

	/** The rows as newline-delimited JSON: one object per row, nulls left out. */
	static byte[] ndjson(List<ColumnSpec> columns, List<Object[]> rows) {
		StringBuilder out = new StringBuilder(rows.size() * 256);
		for (Object[] row : rows) {
			out.append(jsonObject(columns, row)).append('\n');
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** One row as a JSON object, nulls left out. */
	static String jsonObject(List<ColumnSpec> columns, Object[] row) {
		StringBuilder out = new StringBuilder(256).append('{');
		boolean first = true;
		for (int i = 0; i < columns.size(); i++) {
			if (row[i] == null) {
				continue;
			}
			if (!first) {
				out.append(',');
			}
			first = false;
			Json.write(new JsonValue.JsonString(columns.get(i).name()), out);
			out.append(':');
			writeValue(row[i], out);
		}
		return out.append('}').toString();
	}

	private static void writeValue(Object value, StringBuilder out) {
		if (value instanceof Number number) {
			out.append((number instanceof BigDecimal decimal) ? decimal.toPlainString() : number.toString());
		}
		else if (value instanceof Boolean bool) {
			out.append(bool);
		}
		else {
			Json.write(new JsonValue.JsonString(text(value)), out);
		}
	}

	/** Times in UTC, as BigQuery reads a TIMESTAMP without a zone. */
	private static String text(Object value) {
		if (value instanceof Instant instant) {
			return TIMESTAMP.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
		}
		if (value instanceof LocalDateTime time) {
			return TIMESTAMP.format(time);
		}
		return value.toString();
	}

	/** A statement parameter: text, a number, a day or a time (UTC). */
	static QueryParameterValue parameter(Object value) {
		if (value instanceof String text) {
			return QueryParameterValue.string(text);
		}
		if (value instanceof LocalDate day) {
			return QueryParameterValue.date(day.toString());
		}
		if (value instanceof Instant || value instanceof LocalDateTime) {
			return QueryParameterValue.timestamp(text(value) + "+00:00");
		}
		if (value instanceof BigDecimal decimal) {
			return QueryParameterValue.numeric(decimal);
		}
		if (value instanceof Integer || value instanceof Long) {
			return QueryParameterValue.int64(((Number) value).longValue());
		}
		if (value instanceof Boolean bool) {
			return QueryParameterValue.bool(bool);
		}
		throw new IllegalArgumentException("A BigQuery statement parameter cannot be "
				+ ((value != null) ? value.getClass().getSimpleName() : "null"));
	}

	private static String abbreviated(String sql) {
		return (sql.length() <= 120) ? sql : sql.substring(0, 117) + "...";
	}

}
