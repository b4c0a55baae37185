package io.turnout.app.sessions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.turnout.app.testing.KafkaBroker;
import io.turnout.app.testing.RunningTurnout;
import io.turnout.jobs.NightlyJobs.JobRun;
import io.turnout.traffic.SyntheticTraffic;
import io.turnout.usecases.DerivedRestater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Parity of the derived use cases (#4): the same events through the collector with every
 * use case streaming, and through the lake with the nightly jobs, give identical
 * sessions, orders, attribution, revenue_daily and cart_abandonments, including after a
 * late identify that restates a day the stream had already computed.
 */
class DerivedParityIT {

	static final String LATE_IDENTIFY = "{\"type\":\"identify\",\"messageId\":\"m-late\",\"anonymousId\":\"a2\","
			+ "\"userId\":\"u2\",\"timestamp\":\"2026-03-02T09:30:00Z\"}";

	static final String LATE_EARLIER_ORDER = "{\"type\":\"track\",\"messageId\":\"m-late-order\","
			+ "\"anonymousId\":\"a3\",\"event\":\"Order Completed\",\"timestamp\":\"2026-03-02T10:03:30Z\","
			+ "\"properties\":{\"order_id\":\"o-1\",\"revenue\":40}}";

	static final String TABLES = """
			sessions:SELECT * FROM marketing.sessions ORDER BY session_id
			orders:SELECT * FROM marketing.orders ORDER BY order_id
			attribution:SELECT * FROM marketing.attribution ORDER BY order_id, model, touch_index
			revenue_daily:SELECT * FROM marketing.revenue_daily ORDER BY event_date, channel_group, source, medium, campaign
			cart_abandonments:SELECT * FROM marketing.cart_abandonments ORDER BY session_id""";

	@TempDir
	Path home;

	@Test
	void streamingAndNightlyJobsGiveTheSameTablesAfterALateIdentify() throws IOException {
		try (KafkaBroker kafka = KafkaBroker.start();
				RunningTurnout streaming = RunningTurnout.serving(this.home.resolve("streaming"),
						kafka.bootstrapServers(), RunningTurnout.everyUseCaseStreaming())) {
			streamTheDay(kafka, streaming);
			assertThat(streaming.query("SELECT customer_key FROM marketing.sessions WHERE session_key = 'a2'"))
				.containsExactly(List.of("anon:a2"));

			assertThat(streaming.post("/v1/identify", LATE_IDENTIFY).statusCode()).isEqualTo(200);
			awaitSettled(kafka, streaming);

			assertThat(streaming.query("SELECT customer_key FROM marketing.sessions WHERE session_key = 'a2'"))
				.as("the late identify restated the day")
				.containsExactly(List.of("u2"));
			Map<String, List<List<String>>> streamed = tables(streaming);
			assertThat(streamed.get("attribution")).hasSize(10);

			assertThat(nightly(streaming)).isEqualTo(streamed);
		}
	}

	/**
	 * o-1 was placed by a1's event at 10:04; a server-side copy of the order from another
	 * visitor, timed 10:03:30, arrives afterwards and wins (the earliest event is the
	 * order): a1's session loses the order although nothing new arrived for a1.
	 */
	@Test
	void aLateEarlierOrderEventMovesTheOrderToAnotherVisitorsSession() throws IOException {
		try (KafkaBroker kafka = KafkaBroker.start();
				RunningTurnout streaming = RunningTurnout.serving(this.home.resolve("streaming"),
						kafka.bootstrapServers(), RunningTurnout.everyUseCaseStreaming())) {
			streamTheDay(kafka, streaming);
			assertThat(streaming.query("SELECT sum(orders) FROM marketing.sessions WHERE session_key = 'a1'"))
				.containsExactly(List.of("1"));

			assertThat(streaming.post("/v1/track", LATE_EARLIER_ORDER).statusCode()).isEqualTo(200);
			awaitSettled(kafka, streaming);

			assertThat(streaming.query("SELECT session_key, sum(orders) FROM marketing.sessions "
					+ "WHERE session_key IN ('a1', 'a3') GROUP BY session_key ORDER BY session_key"))
				.containsExactly(List.of("a1", "0"), List.of("a3", "1"));
			assertThat(tables(streaming)).isEqualTo(nightly(streaming));
		}
	}

	@Test
	void twoDaysOfSyntheticTrafficDeliveredOutOfOrderGiveTheSameTables() throws IOException {
		List<String> messages = new ArrayList<>(SyntheticTraffic.day(LocalDate.parse("2026-03-10"), 80, 1));
		messages.addAll(SyntheticTraffic.day(LocalDate.parse("2026-03-11"), 80, 2));
		Collections.shuffle(messages, new Random(3));
		try (KafkaBroker kafka = KafkaBroker.start();
				RunningTurnout streaming = RunningTurnout.serving(this.home.resolve("streaming"),
						kafka.bootstrapServers(), RunningTurnout.everyUseCaseStreaming())) {
			for (int from = 0; from < messages.size(); from += 100) {
				String batch = "{\"batch\":["
						+ String.join(",", messages.subList(from, Math.min(from + 100, messages.size()))) + "]}";
				assertThat(streaming.post("/v1/batch", batch).statusCode()).isEqualTo(200);
			}
			awaitSettled(kafka, streaming);
			Map<String, List<List<String>>> streamed = tables(streaming);
			assertThat(streamed.get("sessions")).hasSizeGreaterThan(100);
			assertThat(streamed.get("attribution")).isNotEmpty();
			Map<String, List<List<String>>> nightly = nightly(streaming);
			streamed.forEach((table, rows) -> assertThat(nightly.get(table)).as(table).containsExactlyElementsOf(rows));
		}
	}

	/** Sends {@link SessionsJobIT#DAY} and waits until every use case caught up. */
	private static void streamTheDay(KafkaBroker kafka, RunningTurnout streaming) {
		String batch = "{\"batch\":[" + String.join(",", SessionsJobIT.DAY.strip().split("\n")) + "]}";
		assertThat(streaming.post("/v1/batch", batch).statusCode()).isEqualTo(200);
		awaitSettled(kafka, streaming);
	}

	/** The tables the nightly jobs build from the streaming instance's lake. */
	private Map<String, List<List<String>>> nightly(RunningTurnout streaming) throws IOException {
		try (RunningTurnout batchJobs = RunningTurnout.jobsOnly(this.home.resolve("batch"),
				Map.of("turnout.lake.path", streaming.home().resolve("lake").toString()))) {
			assertThat(batchJobs.runNightlyChain(lakeDays(streaming.home().resolve("lake/events"))))
				.allSatisfy(run -> assertThat(run.outcome()).as(run.message()).isEqualTo(JobRun.Outcome.COMPLETED));
			return tables(batchJobs);
		}
	}

	private static void awaitSettled(KafkaBroker kafka, RunningTurnout turnout) {
		DerivedRestater restater = turnout.context().getBean(DerivedRestater.class);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> kafka.lag("turnout-events", "turnout.events.raw") == 0
					&& kafka.lag("turnout-lake", "turnout.events.raw") == 0 && restater.pending() == 0);
	}

	private static Map<String, List<List<String>>> tables(RunningTurnout turnout) {
		return TABLES.lines()
			.map(line -> line.split(":", 2))
			.collect(Collectors.toMap(parts -> parts[0], parts -> turnout.query(parts[1]), (a, b) -> a,
					LinkedHashMap::new));
	}

	private static List<LocalDate> lakeDays(Path events) throws IOException {
		try (Stream<Path> days = Files.list(events)) {
			return days.map(p -> LocalDate.parse(p.getFileName().toString().substring(3))).sorted().toList();
		}
	}

}
