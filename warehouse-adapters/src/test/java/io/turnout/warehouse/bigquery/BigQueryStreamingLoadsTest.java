package io.turnout.warehouse.bigquery;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.google.cloud.bigquery.storage.v1.BigDecimalByteStringEncoder;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.WriteStream;
import com.google.protobuf.ByteString;
import io.turnout.events.IngestEvents;
import io.turnout.events.IngestReport;
import io.turnout.traffic.SyntheticTraffic;
import io.turnout.warehouse.TableNames;
import io.turnout.warehouse.schema.TableCatalog;
import io.turnout.warehouse.schema.TableSpec;
import io.turnout.warehouse.sql.SqlEventWarehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming side's loads, through the Storage Write API: the real client against an
 * in-process server that answers like the API. Rows go through one pending stream per
 * load, in pages at explicit offsets, and become visible on commit; a page whose answer
 * was lost is appended again at its offset, refused as already written, and never
 * duplicated.
 */
class BigQueryStreamingLoadsTest {

	private final FakeBigQueryServer rest = start(FakeBigQueryServer::new);

	private final FakeBigQueryWriteServer write = start(FakeBigQueryWriteServer::new);

	private final BigQuerySettings settings = new BigQuerySettings("acme", "marketing", "EU", null, 10_000_000_000L,
			this.rest.host());

	private final BigQueryWriteClient writeClient = start(this.write::client);

	private final com.google.cloud.bigquery.BigQuery bigquery = BigQueryClients.create(this.settings,
			FakeBigQueryServer.quickRetries(2));

	private final TableSpec orders = TableCatalog.load().table("orders");

	@AfterEach
	void stop() {
		this.writeClient.close();
		this.write.close();
		this.rest.close();
	}

	@Test
	void rowsGoThroughOnePendingStreamInPagesAndAreCommittedTogether() {
		List<Object[]> rows = orders(4_500);

		new BigQueryStreamingLoads(this.bigquery, this.writeClient, this.settings).write("_turnout_load_1",
				BigQuerySqlWarehouse.schemaOf(this.orders), rows);

		assertThat(this.rest.requests()).anySatisfy(request -> assertThat(request.method() + " " + request.path())
			.isEqualTo("POST /bigquery/v2/projects/acme/datasets/marketing/tables"));
		assertThat(this.write.streams()).singleElement().satisfies(stream -> {
			assertThat(stream.table).isEqualTo("projects/acme/datasets/marketing/tables/_turnout_load_1");
			assertThat(stream.type).isEqualTo(WriteStream.Type.PENDING);
			assertThat(stream.rows).hasSize(4_500);
			assertThat(stream.finalized).isTrue();
			assertThat(stream.committed).isTrue();
			// Times in microseconds since the epoch (UTC), days since it, NUMERIC in
			// BigQuery's byte encoding.
			String row = stream.rows.get(1);
			assertThat(row)
				.startsWith("{\"order_id\":\"o-1\",\"event_id\":\"e-1\",\"ordered_at\":\"1773133530123456\","
						+ "\"event_date\":20522,\"anonymous_id\":\"a-1\",\"revenue\":\"")
				.endsWith("\",\"currency\":\"EUR\",\"duplicate_events\":\"1\"}");
			String revenue = row.replaceAll(".*\"revenue\":\"([^\"]*)\".*", "$1");
			assertThat(BigDecimalByteStringEncoder
				.decodeNumericByteString(ByteString.copyFrom(Base64.getDecoder().decode(revenue))))
				.isEqualByComparingTo("19.99");
		});
		assertThat(this.write.refusedOffsets()).isZero();
	}

	@Test
	void aPageWhoseAnswerWasLostIsAppendedAgainAtItsOffsetAndNotDuplicated() {
		this.write.breakConnectionAfterStoring(1);

		new BigQueryStreamingLoads(this.bigquery, this.writeClient, this.settings).write("_turnout_load_2",
				BigQuerySqlWarehouse.schemaOf(this.orders), orders(4_500));

		assertThat(this.write.refusedOffsets()).isEqualTo(1);
		assertThat(this.write.streams()).singleElement().satisfies(stream -> {
			assertThat(stream.rows).hasSize(4_500).doesNotHaveDuplicates();
			assertThat(stream.committed).isTrue();
		});
	}

	/**
	 * A streaming micro-batch of 10,000 messages on BigQuery: no load job at all, one
	 * pending stream per load, the same session and transaction as the nightly side.
	 */
	@Test
	void aStreamingMicroBatchLoadsThroughTheStorageWriteApi() {
		BigQuerySqlWarehouse warehouse = new BigQuerySqlWarehouse(this.bigquery, this.settings, this.writeClient,
				Map.of("app", "turnout", "run", "streaming"));
		List<String> lines = new ArrayList<>();
		for (int seed = 1; lines.size() < 10_000; seed++) {
			lines.addAll(SyntheticTraffic.asLakeLines(SyntheticTraffic.day(LocalDate.parse("2026-03-10"), 200, seed),
					"web", seed));
		}

		IngestReport report = new IngestEvents(
				new SqlEventWarehouse(warehouse, TableCatalog.load(), TableNames.streamingSide(useCase -> null)))
			.ingest(lines.subList(0, 10_000));

		assertThat(this.rest.uploaded()).isEmpty();
		List<String> queries = this.rest.queriesRun();
		assertThat(queries).contains("BEGIN TRANSACTION", "COMMIT TRANSACTION");
		assertThat(this.write.streams()).isNotEmpty()
			.allSatisfy(stream -> assertThat(stream.committed).isTrue())
			.anySatisfy(stream -> assertThat(stream.rows).hasSize(report.newEvents()));
		long rows = this.write.streams().stream().mapToLong(stream -> stream.rows.size()).sum();
		System.out.printf("BigQuery streaming, one 10,000-message micro-batch: %d Storage Write streams (%,d rows), "
				+ "0 load jobs, %d query jobs%n", this.write.streams().size(), rows, queries.size());
	}

	private static List<Object[]> orders(int count) {
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(new Object[] { "o-" + i, "e-" + i, Instant.parse("2026-03-10T09:05:30.123456Z"),
					LocalDate.parse("2026-03-10"), "a-" + i, null, null, null, new BigDecimal("19.9900"), "EUR", 1 });
		}
		return rows;
	}

	private interface Opening<T> {

		T open() throws IOException;

	}

	private static <T> T start(Opening<T> opening) {
		try {
			return opening.open();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
