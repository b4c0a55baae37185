package io.turnout.app.migration;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import io.turnout.app.testing.KafkaBroker;
import io.turnout.app.testing.RunningTurnout;
import io.turnout.jobs.NightlyJobs.JobRun;
import io.turnout.traffic.SyntheticTraffic;
import io.turnout.usecases.DerivedRestater;
import io.turnout.usecases.Mode;
import io.turnout.usecases.StreamingSwitch;
import io.turnout.usecases.UseCase;
import io.turnout.warehouse.duckdb.DuckDbDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The migration path of migration.md, end to end against the in-process Kafka broker:
 * {@code sessions} runs batch, then shadow for three days whose parity passes, is cut
 * over to streaming at run time while traffic flows, and rolled back; every day's tables
 * then equal what a pure batch run over the same events gives, with no gap and no
 * duplicate at either switch. A shadow day that differs fails its parity check, naming
 * the rows, and blocks the cut-over.
 */
class MigrationScenarioIT {

	static final Map<String, String> OPS = Map.of("Authorization", "Bearer " + ModeChangesIT.TOKEN);

	static final String SESSIONS = "SELECT * FROM marketing.sessions WHERE event_date = '%s' ORDER BY session_id";

	/** The parity guard counts back from today: the shadow days are the last three. */
	final LocalDate today = LocalDate.now(ZoneOffset.UTC);

	@TempDir
	Path home;

	/** The latest pure batch run: a jobs-only instance over the live instance's lake. */
	private RunningTurnout reference;

	@Test
	void sessionsMovesFromBatchThroughShadowToStreamingAndBackWithNothingLostOrDoubled() throws Exception {
		LocalDate batchDay = this.today.minusDays(4);
		List<LocalDate> shadowDays = List.of(this.today.minusDays(3), this.today.minusDays(2), this.today.minusDays(1));
		try (KafkaBroker kafka = KafkaBroker.start();
				RunningTurnout live = serving(kafka, Map.of("turnout.use-cases.sessions.mode", "batch"))) {
			send(live, SyntheticTraffic.day(batchDay, 40, 1));
			awaitSettled(kafka, live);
			assertCompleted(live.runJob("sessions", batchDay, false));

			assertApplied(live.admin("PUT", "/admin/use-cases/sessions/mode", "{\"mode\":\"shadow\"}", OPS));
			awaitMode(live, Mode.SHADOW);
			long seed = 2;
			for (LocalDate day : shadowDays) {
				send(live, SyntheticTraffic.day(day, 40, seed++));
				awaitSettled(kafka, live);
				assertCompleted(live.runJob("sessions", day, false));
				ParityReport parity = live.context()
					.getBean(ParityReports.class)
					.findByUseCaseOrderByIdDesc("sessions")
					.get(0);
				assertThat(parity.businessDate()).isEqualTo(day);
				assertThat(parity.passed()).as(parity.summary()).isTrue();
				assertThat(parity.tables().get(0).batchRows()).isPositive();
			}
			assertThat(live.query(SESSIONS.formatted(shadowDays.get(2)).replace("sessions ", "sessions_shadow ")))
				.as("the shadow copy")
				.isEqualTo(live.query(SESSIONS.formatted(shadowDays.get(2))));

			// The cut-over, while the day's traffic flows.
			List<String> todays = SyntheticTraffic.day(this.today, 60, 10);
			CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> send(live, todays));
			assertApplied(live.admin("PUT", "/admin/use-cases/sessions/mode",
					"{\"mode\":\"streaming\",\"reason\":\"three days of parity\"}", OPS));
			traffic.join();
			awaitMode(live, Mode.STREAMING);
			send(live, SyntheticTraffic.day(this.today, 30, 11));
			awaitSettled(kafka, live);
			assertThat(live.query(SESSIONS.formatted(this.today)))
				.as("today's sessions, written by the stream since the cut-over")
				.isNotEmpty()
				.isEqualTo(pureBatch(live).get(this.today));

			// The roll-back: the nightly job owns the day again.
			assertApplied(live.admin("PUT", "/admin/use-cases/sessions/mode", "{\"mode\":\"batch\"}", OPS));
			awaitMode(live, Mode.BATCH);
			send(live, SyntheticTraffic.day(this.today, 30, 12));
			awaitSettled(kafka, live);
			assertCompleted(live.runJob("sessions", this.today, false));

			Map<LocalDate, List<List<String>>> expected = pureBatch(live);
			for (LocalDate day : days(batchDay)) {
				assertThat(live.query(SESSIONS.formatted(day))).as("sessions of " + day).isEqualTo(expected.get(day));
			}
			assertSameEventTables(live, this.reference);
		}
		finally {
			if (this.reference != null) {
				this.reference.close();
			}
		}
	}

	@Test
	void aShadowDayThatDiffersFailsParityNamingTheRowsAndBlocksTheCutOver() {
		List<LocalDate> shadowDays = List.of(this.today.minusDays(3), this.today.minusDays(2), this.today.minusDays(1));
		try (KafkaBroker kafka = KafkaBroker.start();
				RunningTurnout live = serving(kafka, Map.of("turnout.use-cases.sessions.mode", "shadow"))) {
			long seed = 20;
			for (LocalDate day : shadowDays) {
				send(live, SyntheticTraffic.day(day, 30, seed++));
				awaitSettled(kafka, live);
				assertCompleted(live.runJob("sessions", day, false));
			}
			LocalDate diverged = shadowDays.get(1);
			List<String> ids = live
				.query("SELECT session_id FROM marketing.sessions_shadow WHERE event_date = '" + diverged
						+ "' ORDER BY session_id LIMIT 2")
				.stream()
				.map(row -> row.get(0))
				.toList();
			execute(live, "DELETE FROM marketing.sessions_shadow WHERE session_id = '" + ids.get(0) + "'");
			execute(live, "UPDATE marketing.sessions_shadow SET page_views = page_views + 1 WHERE session_id = '"
					+ ids.get(1) + "'");

			ParityReport report = live.context().getBean(ParityChecks.class).run(UseCase.SESSIONS, diverged);

			assertThat(report.passed()).isFalse();
			assertThat(report.tables().get(0).missing()).isEqualTo(1);
			assertThat(report.tables().get(0).mismatched()).isEqualTo(1);
			assertThat(report.summary()).contains("missing " + ids.get(0), "mismatched " + ids.get(1));

			HttpResponse<String> cutOver = live.admin("PUT", "/admin/use-cases/sessions/mode",
					"{\"mode\":\"streaming\"}", OPS);
			assertThat(cutOver.statusCode()).isEqualTo(409);
			assertThat(cutOver.body()).contains(diverged + " failed parity")
				.doesNotContain(shadowDays.get(0) + " failed", shadowDays.get(2) + " failed");
			assertThat(live.admin("GET", "/admin/use-cases/sessions", null, Map.of()).body())
				.contains("\"effectiveMode\":\"shadow\"", "\"passed\":false");
		}
	}

	/**
	 * events runs shadow: the function writes today's events to events_shadow. On the
	 * cut-over its consumer group goes back to the start of the first day the nightly job
	 * did not complete (minus the allowed lateness), so today's events reach the events
	 * table too.
	 */
	@Test
	void theEventsCutOverReplaysTheFirstOpenDayFromKafka() throws Exception {
		LocalDate yesterday = this.today.minusDays(1);
		try (KafkaBroker kafka = KafkaBroker.start();
				RunningTurnout live = serving(kafka, Map.of("turnout.use-cases.events.mode", "shadow"))) {
			send(live, SyntheticTraffic.day(yesterday, 30, 30));
			awaitSettled(kafka, live);
			assertCompleted(live.runJob("events", yesterday, false));
			ParityReport parity = live.context()
				.getBean(ParityReports.class)
				.findByUseCaseOrderByIdDesc("events")
				.get(0);
			assertThat(parity.passed()).as(parity.summary()).isTrue();
			send(live, SyntheticTraffic.day(this.today, 30, 31));
			awaitSettled(kafka, live);
			String todaysEvents = "SELECT event_id FROM marketing.%s WHERE event_date = '" + this.today
					+ "' ORDER BY event_id";
			assertThat(live.query(todaysEvents.formatted("events"))).isEmpty();

			assertApplied(
					live.admin("PUT", "/admin/use-cases/events/mode", "{\"mode\":\"streaming\",\"force\":true}", OPS));
			awaitMode(live, UseCase.EVENTS, Mode.STREAMING);
			awaitSettled(kafka, live);

			assertThat(live.query(todaysEvents.formatted("events"))).isNotEmpty()
				.isEqualTo(live.query(todaysEvents.formatted("events_shadow")));
			pureBatch(live, List.of("events"));
			assertSameEventTables(live, this.reference);
		}
		finally {
			if (this.reference != null) {
				this.reference.close();
			}
		}
	}

	/** Sessions by day from the nightly jobs alone over the live instance's lake. */
	private Map<LocalDate, List<List<String>>> pureBatch(RunningTurnout live) throws IOException {
		return pureBatch(live, List.of("events", "sessions"));
	}

	private Map<LocalDate, List<List<String>>> pureBatch(RunningTurnout live, List<String> useCases)
			throws IOException {
		if (this.reference != null) {
			this.reference.close();
		}
		Path home = this.home.resolve("batch-" + System.nanoTime());
		this.reference = RunningTurnout.jobsOnly(home,
				Map.of("turnout.lake.path", live.home().resolve("lake").toString()));
		List<LocalDate> days = lakeDays(live.home().resolve("lake/events"));
		for (String useCase : useCases) {
			for (LocalDate day : days) {
				assertCompleted(this.reference.runJob(useCase, day, false));
			}
		}
		Map<LocalDate, List<List<String>>> sessions = new HashMap<>();
		for (LocalDate day : days) {
			sessions.put(day, this.reference.query(SESSIONS.formatted(day)));
		}
		return sessions;
	}

	private List<LocalDate> days(LocalDate from) {
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(this.today); day = day.plusDays(1)) {
			days.add(day);
		}
		return days;
	}

	private RunningTurnout serving(KafkaBroker kafka, Map<String, Object> modes) {
		Map<String, Object> properties = new HashMap<>(modes);
		properties.putIfAbsent("turnout.use-cases.events.mode", "streaming");
		properties.put("turnout.streaming.restate-interval", "200ms");
		properties.put("turnout.admin.tokens.ops", ModeChangesIT.TOKEN);
		return RunningTurnout.serving(this.home.resolve("live"), kafka.bootstrapServers(), properties);
	}

	private static void send(RunningTurnout live, List<String> messages) {
		for (int from = 0; from < messages.size(); from += 100) {
			String batch = "{\"batch\":["
					+ String.join(",", messages.subList(from, Math.min(from + 100, messages.size()))) + "]}";
			assertThat(live.post("/v1/batch", batch).statusCode()).isEqualTo(200);
		}
	}

	private static void execute(RunningTurnout live, String sql) {
		try (Connection connection = live.context().getBean(DuckDbDatabase.class).connect();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	/** Waits until the streaming switch has followed the change (and handed over). */
	private static void awaitMode(RunningTurnout live, Mode mode) {
		awaitMode(live, UseCase.SESSIONS, mode);
	}

	private static void awaitMode(RunningTurnout live, UseCase useCase, Mode mode) {
		StreamingSwitch streamingSwitch = live.context().getBean(StreamingSwitch.class);
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> streamingSwitch.applied(useCase).orElse(null) == mode);
	}

	private static void awaitSettled(KafkaBroker kafka, RunningTurnout turnout) {
		DerivedRestater restater = turnout.context().getBean(DerivedRestater.class);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> kafka.lag("turnout-events", "turnout.events.raw") == 0
					&& kafka.lag("turnout-lake", "turnout.events.raw") == 0 && restater.pending() == 0);
	}

	private static void assertSameEventTables(RunningTurnout live, RunningTurnout reference) {
		Map<String, List<List<String>>> expected = reference.eventTables();
		live.eventTables()
			.forEach((table, rows) -> assertThat(rows).as(table).containsExactlyElementsOf(expected.get(table)));
	}

	private static void assertApplied(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private static void assertCompleted(JobRun run) {
		assertThat(run.outcome()).as(run.message()).isEqualTo(JobRun.Outcome.COMPLETED);
	}

	private static List<LocalDate> lakeDays(Path events) throws IOException {
		try (Stream<Path> days = Files.list(events)) {
			return days.map(p -> LocalDate.parse(p.getFileName().toString().substring(3))).sorted().toList();
		}
	}

}
