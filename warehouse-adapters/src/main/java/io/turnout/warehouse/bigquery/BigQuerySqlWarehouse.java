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
			String session = this.statements
				.run("begin a transaction", statement("BEGIN TRANSACTION").setCreateSession(true).build(), false)
				.sessionId();
			if (session == null) {
				throw new WarehouseException("BigQuery started no session for the transaction", null);
			}
			Transaction transaction = new Transaction(session);
			try {
				T result = work.apply(transaction);
				transaction.run("commit the transaction", "COMMIT TRANSACTION", List.of(), false);
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

	private final class Transaction implements SqlTransaction {

		private final List<ConnectionProperty> session;

		private final List<String> scratchTables = new ArrayList<>();

		Transaction(String sessionId) {
			this.session = List.of(ConnectionProperty.of("session_id", sessionId));
		}

		@Override
		public void load(String table, TableSpec spec, List<Object[]> rows) {
			if (rows.isEmpty()) {
				return;
			}
			String scratch = upload(schemaOf(spec), spec.columns(), rows);
			run("load " + rows.size() + " rows into " + table, "INSERT INTO `" + table + "` ("
					+ String.join(", ", spec.columnNames()) + ") SELECT "
					+ spec.columns().stream().map(BigQuerySqlWarehouse::fromScratch).collect(Collectors.joining(", "))
					+ " FROM `" + settings.dataset() + "." + scratch + "`", List.of(), false);
		}

		@Override
		public void loadKeys(String keys, List<String> values) {
			if (values.isEmpty()) {
				return;
			}
			List<ColumnSpec> k = List.of(new ColumnSpec("k", "VARCHAR", true, true, "key"));
			String scratch = upload(Schema.of(Field.of("k", StandardSQLTypeName.STRING)), k,
					values.stream().map(value -> new Object[] { value }).toList());
			run("stage " + values.size() + " keys in " + keys,
					"INSERT INTO `" + keys + "` (k) SELECT k FROM `" + settings.dataset() + "." + scratch + "`",
					List.of(), false);
		}

		@Override
		public void execute(String sql, Object... parameters) {
			run("statement", sql, List.of(parameters), false);
		}

		@Override
		public List<Object[]> query(String sql, Object... parameters) {
			return run("query", sql, List.of(parameters), true).rows();
		}

		BigQueryStatements.Result run(String purpose, String sql, List<Object> parameters, boolean readRows) {
			QueryJobConfiguration.Builder statement = statement(sql).setConnectionProperties(this.session);
			for (Object parameter : parameters) {
				statement.addPositionalParameter(parameter(parameter));
			}
			return statements.run(purpose + ": " + abbreviated(sql), statement.build(), readRows);
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
			try {
				run("end the session", "CALL BQ.ABORT_SESSION()", List.of(), false);
			}
			catch (RuntimeException ex) {
				// BigQuery ends an idle session by itself.
			}
		}

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
		String type = column.type();
		if (type.startsWith("VARCHAR") || type.equals("JSON")) {
			return StandardSQLTypeName.STRING;
		}
		if (type.startsWith("DECIMAL")) {
			return StandardSQLTypeName.NUMERIC;
		}
		return switch (type) {
			case "INTEGER", "BIGINT" -> StandardSQLTypeName.INT64;
			case "DOUBLE" -> StandardSQLTypeName.FLOAT64;
			case "BOOLEAN" -> StandardSQLTypeName.BOOL;
			case "TIMESTAMP" -> StandardSQLTypeName.TIMESTAMP;
			case "DATE" -> StandardSQLTypeName.DATE;
			default -> throw new IllegalArgumentException(
					"Column " + column.name() + " has type " + type + ", which the BigQuery loads do not know");
		};
	}

	/** The rows as newline-delimited JSON: one object per row, nulls left out. */
	static byte[] ndjson(List<ColumnSpec> columns, List<Object[]> rows) {
		StringBuilder out = new StringBuilder(rows.size() * 256);
		for (Object[] row : rows) {
			out.append('{');
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
			out.append("}\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
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
