package io.turnout.app.migration;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.turnout.app.cli.TurnoutCommandLine;
import io.turnout.app.testing.KafkaBroker;
import io.turnout.jobs.NightlyJobs.JobRun;
import io.turnout.jobs.UseCaseLeases;
import io.turnout.app.usecases.ModeOverrides;
import io.turnout.app.testing.RunningTurnout;
import io.turnout.events.EventsStreamConfiguration;
import io.turnout.usecases.Mode;
import io.turnout.usecases.Modes;
import io.turnout.usecases.UseCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.cloud.stream.binding.BindingsLifecycleController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * migration.md, Modes: run-time changes of mode through the admin API. Only holders of an
 * admin token may change a mode; every attempt, allowed or refused, is audited with who,
 * when, from what, to what and why; a refused change changes nothing; and every instance
 * sharing the control database follows a change within 10 seconds.
 */
class ModeChangesIT {

	static final String TOKEN = "s3cret-admin-token";

	static final Map<String, String> OPS = Map.of("Authorization", "Bearer " + TOKEN);

	static KafkaBroker kafka;

	@TempDir
	Path home;

	@BeforeAll
	static void startKafka() {
		kafka = KafkaBroker.start();
	}

	@AfterAll
	static void stopKafka() {
		kafka.close();
	}

	@Test
	void refusedChangesGetAClearErrorAndAnAuditRowAndChangeNothing() {
		try (RunningTurnout turnout = serving(this.home.resolve("a"), Map.of())) {
			HttpResponse<String> anonymous = turnout.admin("PUT", "/admin/use-cases/events/mode",
					"{\"mode\":\"shadow\"}", Map.of());
			assertThat(anonymous.statusCode()).isEqualTo(401);
			assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
			assertThat(anonymous.body()).contains("\"applied\":false", "No admin token");

			HttpResponse<String> wrongToken = turnout.admin("PUT", "/admin/use-cases/events/mode",
					"{\"mode\":\"shadow\"}", Map.of("Authorization", "Bearer guess"));
			assertThat(wrongToken.statusCode()).isEqualTo(401);
			assertThat(wrongToken.body()).contains("no valid admin token");

			HttpResponse<String> dependency = turnout.admin("PUT", "/admin/use-cases/sessions/mode",
					"{\"mode\":\"streaming\",\"force\":true}", OPS);
			assertThat(dependency.statusCode()).isEqualTo(409);
			assertThat(dependency.body()).contains("'sessions' cannot run streaming while 'events'");

			HttpResponse<String> unknownUseCase = turnout.admin("PUT", "/admin/use-cases/weather/mode",
					"{\"mode\":\"shadow\"}", OPS);
			assertThat(unknownUseCase.statusCode()).isEqualTo(404);
			assertThat(unknownUseCase.body()).contains("Unknown use case 'weather'");

			HttpResponse<String> unknownMode = turnout.admin("PUT", "/admin/use-cases/events/mode",
					"{\"mode\":\"fast\"}", OPS);
			assertThat(unknownMode.statusCode()).isEqualTo(400);
			assertThat(unknownMode.body()).contains("Unknown mode 'fast'");

			assertThat(audit(turnout, "events")).containsExactly(row("ops", "http", "batch", "fast", "refused"),
					row("unknown token", "http", null, "shadow", "refused"),
					row("anonymous", "http", null, "shadow", "refused"));
			assertThat(audit(turnout, "sessions")).containsExactly(row("ops", "http", "batch", "streaming", "refused"));
			assertThat(audit(turnout, "weather")).containsExactly(row("ops", "http", null, "shadow", "refused"));
			assertThat(turnout.context().getBean(ModeChangeRecords.class).findAll())
				.allSatisfy(change -> assertThat(change.reason()).isNotBlank());
			assertThat(turnout.context().getBean(ModeOverrides.class).count()).isZero();
			assertThat(turnout.admin("GET", "/admin/use-cases", null, Map.of()).body())
				.doesNotContain("\"effectiveMode\":\"shadow\"", "\"effectiveMode\":\"streaming\"");
		}
	}

	@Test
	void anAllowedChangeIsAuditedAndShownWithItsOverride() {
		try (RunningTurnout turnout = serving(this.home.resolve("a"), Map.of())) {
			HttpResponse<String> set = turnout.admin("PUT", "/admin/use-cases/events/mode",
					"{\"mode\":\"shadow\",\"reason\":\"compare before the cut-over\"}", OPS);
			assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
			assertThat(set.body()).contains("'events' now runs shadow (was batch; override set)");

			HttpResponse<String> state = turnout.admin("GET", "/admin/use-cases/events", null, Map.of());
			assertThat(state.body()).contains("\"configuredMode\":\"batch\"", "\"effectiveMode\":\"shadow\"",
					"\"setBy\":\"ops (http)\"", "compare before the cut-over");
			assertThat(audit(turnout, "events")).containsExactly(row("ops", "http", "batch", "shadow", "applied"));

			HttpResponse<String> cleared = turnout.admin("DELETE", "/admin/use-cases/events/mode", null, OPS);
			assertThat(cleared.statusCode()).isEqualTo(200);
			assertThat(turnout.admin("GET", "/admin/use-cases/events", null, Map.of()).body())
				.contains("\"effectiveMode\":\"batch\"", "\"override\":null");
		}
	}

	@Test
	void aSwitchAndANightlyJobOfTheSameUseCaseNeverRunAtOnce() {
		try (RunningTurnout turnout = serving(this.home.resolve("a"), Map.of())) {
			UseCaseLeases leases = turnout.context().getBean(UseCaseLeases.class);
			assertThat(leases.take("events", "nightly job for 2026-06-02")).isEmpty();

			HttpResponse<String> during = turnout.admin("PUT", "/admin/use-cases/events/mode", "{\"mode\":\"shadow\"}",
					OPS);
			assertThat(during.statusCode()).isEqualTo(409);
			assertThat(during.body()).contains("cannot change while the nightly job for 2026-06-02",
					UseCaseLeases.THIS_PROCESS);
			assertThat(audit(turnout, "events")).containsExactly(row("ops", "http", "batch", "shadow", "refused"));

			leases.release("events");
			assertThat(turnout.admin("PUT", "/admin/use-cases/events/mode", "{\"mode\":\"shadow\"}", OPS).statusCode())
				.isEqualTo(200);

			assertThat(leases.take("events", "change of mode by ops")).isEmpty();
			JobRun job = turnout.runJob("events", LocalDate.parse("2026-06-02"), false);
			assertThat(job.outcome()).isEqualTo(JobRun.Outcome.FAILED);
			assertThat(job.message()).contains("cannot start: the change of mode by ops");
			assertThat(leases.holderOf("events")).as("the refused job leaves the lease to its holder").isPresent();
		}
	}

	@Test
	void modeShowPrintsEachUseCasesStateWithTheConsumerLag() {
		Path a = this.home.resolve("a");
		try (RunningTurnout turnout = serving(a, Map.of("turnout.use-cases.events.mode", "streaming"))) {
			assertThat(turnout
				.post("/v1/track",
						"{\"type\":\"track\",\"messageId\":\"m-1\",\"anonymousId\":\"a\","
								+ "\"event\":\"Hi\",\"timestamp\":\"2026-06-02T10:00:00Z\"}")
				.statusCode()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(30)).until(() -> kafka.lag("turnout-events", "turnout.events.raw") == 0);
			turnout.admin("PUT", "/admin/use-cases/sessions/mode", "{\"mode\":\"shadow\",\"reason\":\"compare\"}", OPS);

			ByteArrayOutputStream out = new ByteArrayOutputStream();
			int exit = new TurnoutCommandLine(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
				.run(new String[] { "mode", "show", "--turnout.home=" + a, "--turnout.use-cases.events.mode=streaming",
						"--spring.datasource.url=jdbc:h2:file:" + a.toAbsolutePath().resolve("control")
								+ ";AUTO_SERVER=TRUE",
						"--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers() });

			assertThat(exit).isZero();
			assertThat(out.toString(StandardCharsets.UTF_8))
				.containsPattern("events\\s+streaming\\s+-\\s+streaming\\s+-\\s+-\\s+0\\s")
				.containsPattern("sessions\\s+batch\\s+shadow\\s+shadow\\s+-\\s+-\\s+0\\s");
		}
	}

	@Test
	void twoInstancesSharingAControlDatabaseFollowAnOverrideWithinTenSeconds() {
		Path a = this.home.resolve("a");
		String sharedControl = "jdbc:h2:file:" + a.toAbsolutePath().resolve("control") + ";AUTO_SERVER=TRUE";
		try (RunningTurnout first = serving(a, Map.of());
				RunningTurnout second = serving(this.home.resolve("b"), Map.of("spring.datasource.url", sharedControl,
						"turnout.streaming.mode-check-interval", "5s"))) {
			assertThat(eventsFunctionRunning(second)).isFalse();

			HttpResponse<String> set = first.admin("PUT", "/admin/use-cases/events/mode",
					"{\"mode\":\"streaming\",\"force\":true,\"reason\":\"no shadow history yet\"}", OPS);
			assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
			assertThat(set.body()).contains("FORCED");

			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
				assertThat(second.context().getBean(Modes.class).modeOf(UseCase.EVENTS)).isEqualTo(Mode.STREAMING);
				assertThat(eventsFunctionRunning(second)).isTrue();
			});
			assertThat(audit(first, "events")).containsExactly(row("ops", "http", "batch", "streaming", "applied"));
			assertThat(first.context()
				.getBean(ModeChangeRecords.class)
				.findByUseCaseOrderByIdDesc("events")
				.get(0)
				.forced()).isTrue();
		}
	}

	private static RunningTurnout serving(Path home, Map<String, Object> extra) {
		Map<String, Object> properties = new HashMap<>(extra);
		properties.put("turnout.admin.tokens.ops", TOKEN);
		return RunningTurnout.serving(home, kafka.bootstrapServers(), properties);
	}

	private static List<String> row(String... values) {
		return Arrays.asList(values);
	}

	private static boolean eventsFunctionRunning(RunningTurnout turnout) {
		return turnout.context()
			.getBean(BindingsLifecycleController.class)
			.queryState(EventsStreamConfiguration.BINDING)
			.stream()
			.anyMatch(binding -> binding.isRunning());
	}

	/** Who, through what, from, to and the outcome of each change asked, newest first. */
	private static List<List<String>> audit(RunningTurnout turnout, String useCase) {
		return turnout.context()
			.getBean(ModeChangeRecords.class)
			.findByUseCaseOrderByIdDesc(useCase)
			.stream()
			.map(change -> Arrays.asList(change.requestedBy(), change.channel(), change.fromMode(), change.toMode(),
					change.outcome()))
			.toList();
	}

}
