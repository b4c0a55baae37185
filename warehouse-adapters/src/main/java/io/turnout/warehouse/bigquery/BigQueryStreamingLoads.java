package io.turnout.warehouse.bigquery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutionException;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsRequest;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsResponse;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.CreateWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.Exceptions;
import com.google.cloud.bigquery.storage.v1.FinalizeWriteStreamResponse;
import com.google.cloud.bigquery.storage.v1.JsonStreamWriter;
import com.google.cloud.bigquery.storage.v1.TableFieldSchema;
import com.google.cloud.bigquery.storage.v1.TableName;
import com.google.cloud.bigquery.storage.v1.TableSchema;
import com.google.cloud.bigquery.storage.v1.WriteStream;
import io.turnout.warehouse.WarehouseException;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Loads rows the streaming way, through the BigQuery Storage Write API: a new scratch
 * table, one <em>pending</em> stream into it, the rows appended in pages at explicit
 * offsets, the stream finalized and committed. A page retried after a lost answer is
 * appended at the same offset, which BigQuery refuses as already written, so a retry
 * never duplicates a row; the commit makes every row visible at once, or none. No load
 * job is used, so micro-batches do not run into the load-job quotas, and appends are
 * billed by volume (ingestion), not by job.
 */
public final class BigQueryStreamingLoads {

	/** Rows per append: well under the API's 10 MB per request. */
	static final int ROWS_PER_APPEND = 2_000;

	/** Attempts of one page when the connection fails. */
	static final int ATTEMPTS = 3;

	private final BigQuery bigquery;

	private final BigQueryWriteClient writeClient;

	private final BigQuerySettings settings;

	public BigQueryStreamingLoads(BigQuery bigquery, BigQueryWriteClient writeClient, BigQuerySettings settings) {
		this.bigquery = bigquery;
		this.writeClient = writeClient;
		this.settings = settings;
	}

	/**
	 * Creates a table of the dataset with the schema and writes the rows into it.
	 * @param rows each row's values in the order of the schema's fields
	 */
	void write(String table, Schema schema, List<Object[]> rows) {
		try {
			this.bigquery.create(TableInfo.of(TableId.of(this.settings.project(), this.settings.dataset(), table),
					StandardTableDefinition.of(schema)));
		}
		catch (BigQueryException ex) {
			throw new WarehouseException("Cannot create the scratch table " + table + ": " + ex.getMessage(), ex);
		}
		TableName parent = TableName.of(this.settings.project(), this.settings.dataset(), table);
		WriteStream stream = this.writeClient.createWriteStream(CreateWriteStreamRequest.newBuilder()
			.setParent(parent.toString())
			.setWriteStream(WriteStream.newBuilder().setType(WriteStream.Type.PENDING))
			.build());
		TableSchema tableSchema = tableSchema(schema);
		JsonStreamWriter writer = open(stream.getName(), tableSchema);
		try {
			for (int offset = 0; offset < rows.size(); offset += ROWS_PER_APPEND) {
				List<Object[]> page = rows.subList(offset, Math.min(offset + ROWS_PER_APPEND, rows.size()));
				writer = append(writer, stream.getName(), tableSchema, schema, page, offset);
			}
		}
		finally {
			writer.close();
		}
		FinalizeWriteStreamResponse finalized = this.writeClient.finalizeWriteStream(stream.getName());
		if (finalized.getRowCount() != rows.size()) {
			throw new WarehouseException("The Storage Write stream into " + table + " holds " + finalized.getRowCount()
					+ " rows, not the " + rows.size() + " appended: not committed.", null);
		}
		BatchCommitWriteStreamsResponse committed = this.writeClient
			.batchCommitWriteStreams(BatchCommitWriteStreamsRequest.newBuilder()
				.setParent(parent.toString())
				.addWriteStreams(stream.getName())
				.build());
		if (!committed.hasCommitTime()) {
			throw new WarehouseException("BigQuery did not commit the Storage Write stream into " + table + ": "
					+ committed.getStreamErrorsList(), null);
		}
	}

	/**
	 * Appends one page at its offset; after a failed connection, again at the same offset
	 * on a new writer, where "already written" means a lost answer, not an error.
	 * @return the writer to go on with
	 */
	private JsonStreamWriter append(JsonStreamWriter writer, String stream, TableSchema tableSchema, Schema schema,
			List<Object[]> page, long offset) {
		JsonStreamWriter current = writer;
		for (int attempt = 1;; attempt++) {
			try {
				current.append(json(schema, page), offset).get();
				return current;
			}
			catch (ExecutionException ex) {
				if (alreadyWritten(ex.getCause())) {
					return current;
				}
				if (attempt >= ATTEMPTS || !retryable(ex.getCause())) {
					throw new WarehouseException("Appending " + page.size() + " rows at offset " + offset + " to "
							+ stream + " failed: " + ex.getCause().getMessage(), ex.getCause());
				}
				current.close();
				current = open(stream, tableSchema);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new WarehouseException("Interrupted while appending to " + stream, ex);
			}
			catch (Exception ex) {
				throw new WarehouseException("Cannot append to " + stream + ": " + ex.getMessage(), ex);
			}
		}
	}

	private static boolean alreadyWritten(Throwable failure) {
		if (failure instanceof Exceptions.OffsetAlreadyExists) {
			return true;
		}
		if (failure instanceof ApiException api) {
			return api.getStatusCode().getCode() == StatusCode.Code.ALREADY_EXISTS;
		}
		return io.grpc.Status.fromThrowable(failure).getCode() == io.grpc.Status.Code.ALREADY_EXISTS;
	}

	private static boolean retryable(Throwable failure) {
		io.grpc.Status status = io.grpc.Status.fromThrowable(failure);
		return status.getCode() == io.grpc.Status.Code.UNAVAILABLE || status.getCode() == io.grpc.Status.Code.INTERNAL
				|| status.getCode() == io.grpc.Status.Code.ABORTED;
	}

	private JsonStreamWriter open(String stream, TableSchema tableSchema) {
		try {
			return JsonStreamWriter.newBuilder(stream, tableSchema, this.writeClient).build();
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw new WarehouseException(
					"Cannot open a Storage Write stream writer on " + stream + ": " + ex.getMessage(), ex);
		}
	}

	/** The schema as the Storage Write API describes it. */
	static TableSchema tableSchema(Schema schema) {
		TableSchema.Builder table = TableSchema.newBuilder();
		for (Field field : schema.getFields()) {
			table.addFields(TableFieldSchema.newBuilder()
				.setName(field.getName())
				.setType(TableFieldSchema.Type.valueOf(storageType(field.getType().getStandardType())))
				.setMode(TableFieldSchema.Mode.NULLABLE));
		}
		return table.build();
	}

	private static String storageType(StandardSQLTypeName type) {
		return switch (type) {
			case FLOAT64 -> "DOUBLE";
			default -> type.name();
		};
	}

	/**
	 * The rows as the JSON the writer turns into protocol buffers: times as microseconds
	 * since the epoch (UTC), days as text, decimals as text so no digit is lost.
	 */
	static JSONArray json(Schema schema, List<Object[]> rows) {
		JSONArray array = new JSONArray();
		for (Object[] row : rows) {
			JSONObject object = new JSONObject();
			for (int i = 0; i < row.length; i++) {
				if (row[i] != null) {
					object.put(schema.getFields().get(i).getName(), value(row[i]));
				}
			}
			array.put(object);
		}
		return array;
	}

	private static Object value(Object value) {
		if (value instanceof Instant instant) {
			return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
		}
		if (value instanceof LocalDateTime time) {
			return ChronoUnit.MICROS.between(Instant.EPOCH, time.toInstant(ZoneOffset.UTC));
		}
		if (value instanceof LocalDate || value instanceof BigDecimal) {
			return (value instanceof BigDecimal decimal) ? decimal.toPlainString() : value.toString();
		}
		return value;
	}

}
