package io.turnout.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.turnout.app.testing.EventsFixture;
import io.turnout.app.testing.EventsFixture.Expected;
import io.turnout.app.testing.KafkaBroker;
import io.turnout.app.testing.RunningTurnout;
import io.turnout.jobs.NightlyJobs.JobRun;
import io.turnout.traffic.SyntheticTraffic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Parity and idempotency of the events use case (issue #3): the same messages sent once
 * through the collector with the streaming function running against a real Kafka broker,
 * and once loaded from the lake files by the nightly job, give identical tables; and
 * re-running the job, replaying the topic from offset 0, or running both modes over one
 * day changes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsParityIT {

	static final LocalDate SYNTHETIC_DAY = LocalDate.parse("2026-03-04");

	@TempDir
	static Path tmp;

	static KafkaBroker kafka;

	static RunningTurnout streaming;

	static int sent;

	static Map<String, List<List<String>>> streamedTables;

	@BeforeAll
	static void startStreaming() {
		kafka = KafkaBroker.start();
		streaming = RunningTurnout.serving(tmp.resolve("streaming"), kafka.bootstrapServers(),
				Map.of("turnout.use-cases.events.mode", "streaming"));
	}

	@AfterAll
	static void stop() {
		if (streaming != null) {
			streaming.close();
		}
		kafka.close();
	}

	@Test
	@Order(1)
	void theFixtureLandsExactlyAsCountedByHand() {
		assertThat(streaming.post("/v1/batch", EventsFixture.BATCH).statusCode()).isEqualTo(200);
		sent += Expected.MESSAGES;
		awaitStreamedAndLaked();

		assertThat(streaming.count("events")).isEqualTo(Expected.EVENTS);
		assertThat(streaming.count("failed_events")).isEqualTo(Expected.FAILED);
		assertThat(Expected.EVENTS + Expected.DUPLICATES + Expected.FAILED).isEqualTo(Expected.MESSAGES);
		assertThat(streaming.count("identity_links")).isEqualTo(Expected.IDENTITY_LINKS);
		assertThat(streaming.query("SELECT order_id || ' ' || event_id || ' ' || revenue || ' ' || currency || ' ' "
				+ "|| duplicate_events FROM marketing.orders ORDER BY order_id"))
			.flatExtracting(row -> row)
			.containsExactlyElementsOf(Expected.ORDERS);
		assertThat(streaming.query("SELECT reason FROM marketing.failed_events ORDER BY reason"))
			.flatExtracting(row -> row)
			.containsExactlyElementsOf(Expected.FAILURE_REASONS);
		assertThat(streaming.query("SELECT count(*) FROM marketing.events WHERE context LIKE '%analytics.js%'"))
			.containsExactly(List.of("12"));
		assertThat(streaming.query("SELECT count(*) FROM marketing.failed_events WHERE raw LIKE '%writeKey%' "
				+ "UNION ALL SELECT count(*) FROM marketing.events WHERE properties LIKE '%never-stored%'"))
			.containsExactly(List.of("0"), List.of("0"));
	}

	@Test
	@Order(2)
	void aSyntheticDayStreamsToo() {
		List<String> messages = SyntheticTraffic.day(SYNTHETIC_DAY, 150, 7);
		for (int from = 0; from < messages.size(); from += 200) {
			String batch = "{\"batch\":["
					+ String.join(",", messages.subList(from, Math.min(from + 200, messages.size()))) + "]}";
			assertThat(streaming.post("/v1/batch", batch).statusCode()).isEqualTo(200);
		}
		sent += messages.size();
		awaitStreamedAndLaked();
		streamedTables = streaming.eventTables();

		assertThat(streaming.count("events")).isGreaterThan(1000);
	}

	@Test
	@Order(3)
	void theNightlyJobOverTheLakeGivesIdenticalTables() throws IOException {
		try (RunningTurnout batch = RunningTurnout.jobsOnly(tmp.resolve("batch"),
				Map.of("turnout.lake.path", streaming.home().resolve("lake").toString()))) {
			for (LocalDate day : lakeDays()) {
				assertThat(batch.runJob("events", day, false).outcome()).isEqualTo(JobRun.Outcome.COMPLETED);
			}
			assertThat(batch.eventTables()).isEqualTo(streamedTables);

			for (LocalDate day : lakeDays()) {
				assertThat(batch.runJob("events", day, true).outcome()).isEqualTo(JobRun.Outcome.COMPLETED);
			}
			assertThat(batch.eventTables()).as("the job run twice").isEqualTo(streamedTables);
		}
	}

	@Test
	@Order(4)
	void nothingIsLostEveryMessageIsAnEventADuplicateOrAFailure() {
		double duplicates = streaming.context()
			.getBean(io.micrometer.core.instrument.MeterRegistry.class)
			.counter("turnout.events.stored", "use_case", "events", "outcome", "duplicate")
			.count();
		double failed = streaming.context()
			.getBean(io.micrometer.core.instrument.MeterRegistry.class)
			.counter("turnout.events.stored", "use_case", "events", "outcome", "failed")
			.count();

		assertThat(streaming.count("events") + (long) duplicates + (long) failed).isEqualTo(sent);
		assertThat(streaming.count("failed_events")).isLessThanOrEqualTo((long) failed);
	}

	@Test
	@Order(5)
	void bothModesOverTheSameDayChangeNothing() throws IOException {
		for (LocalDate day : lakeDays()) {
			assertThat(streaming.runJob("events", day, true).outcome()).isEqualTo(JobRun.Outcome.COMPLETED);
		}

		assertThat(streaming.eventTables()).isEqualTo(streamedTables);
	}

	@Test
	@Order(6)
	void replayingTheTopicFromOffsetZeroChangesNothing() {
		streaming.close();
		streaming = RunningTurnout.serving(tmp.resolve("streaming"), kafka.bootstrapServers(),
				Map.of("turnout.use-cases.events.mode", "streaming",
						"spring.cloud.stream.bindings.eventsStream-in-0.group", "turnout-events-replay"));
		await().atMost(Duration.ofSeconds(90))
			.until(() -> kafka.lag("turnout-events-replay", "turnout.events.raw") == 0);

		assertThat(streaming.eventTables()).isEqualTo(streamedTables);
	}

	private static void awaitStreamedAndLaked() {
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> kafka.lag("turnout-events", "turnout.events.raw") == 0
					&& kafka.lag("turnout-lake", "turnout.events.raw") == 0);
	}

	private static List<LocalDate> lakeDays() throws IOException {
		try (Stream<Path> days = Files.list(streaming.home().resolve("lake/events"))) {
			return days.map(p -> LocalDate.parse(p.getFileName().toString().substring(3))).sorted().toList();
		}
	}

}
