package io.turnout.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as a scheduler calls it: exit codes, messages, and start-up refusals.
 */
class CommandLineIT {

	@TempDir
	Path home;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--turnout.home=" + this.home);
		return new TurnoutCommandLine(new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8))
			.run(all.toArray(String[]::new));
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void everyCommandHasHelp() {
		assertThat(run("--help")).isZero();
		assertThat(run("job", "run", "--help")).isZero();
		assertThat(run("mode", "show", "--help")).isZero();
		assertThat(run("mode", "set", "--help")).isZero();
		assertThat(run("parity", "--help")).isZero();
		assertThat(run("demo", "--help")).isZero();
		assertThat(run("serve", "--help")).isZero();
		assertThat(out()).contains("job run <use-case> --date=YYYY-MM-DD", "show lists each use case",
				"mode set <use-case> <batch|shadow|streaming> [--force]", "parity <use-case> --date=YYYY-MM-DD",
				"synthetic", "collector");
	}

	@Test
	void usageErrorsExitWith2AndSayWhatIsWrong() {
		assertThat(run("job", "run", "events")).isEqualTo(2);
		assertThat(err()).contains("--date=YYYY-MM-DD is required");
		assertThat(run("job", "run", "events", "--date=2026-13-01")).isEqualTo(2);
		assertThat(err()).contains("is not a date");
		assertThat(run("job", "run", "weather", "--date=2026-01-01")).isEqualTo(2);
		assertThat(err()).contains("Unknown use case 'weather'");
		assertThat(run("launch")).isEqualTo(2);
		assertThat(err()).contains("Unknown command 'launch'");
	}

	@Test
	void aJobThatCannotRunExits1WithTheReasonAndACompletedDayExits0() throws Exception {
		assertThat(run("job", "run", "events", "--date=2026-07-01")).isEqualTo(1);
		assertThat(err()).contains("No lake partition for this day");

		Path partition = this.home.resolve("lake/events/dt=2026-07-02");
		Files.createDirectories(partition);
		Files.writeString(partition.resolve("part-000.jsonl"),
				"{\"type\":\"page\",\"messageId\":\"cli-1\",\"anonymousId\":\"a\",\"timestamp\":\"2026-07-02T10:00:00Z\"}\n");
		assertThat(run("job", "run", "events", "--date=2026-07-02")).isZero();
		assertThat(out()).contains("Completed in", "messages/s): received 1, new events 1");
		assertThat(run("job", "run", "events", "--date=2026-07-02")).isZero();
		assertThat(out()).contains("already completed");
		assertThat(run("mode", "show")).isZero();
		assertThat(out()).contains("events", "batch", "2026-07-02");
	}

	@Test
	void anInvalidModeCombinationStopsStartUpNamingTheUseCases() {
		assertThat(run("mode", "show", "--turnout.use-cases.sessions.mode=streaming")).isEqualTo(3);
		assertThat(err()).contains("'sessions' cannot run streaming while 'events'", "runs batch");
	}

	@Test
	void anUnknownUseCaseOrModeInConfigurationStopsStartUp() {
		assertThat(run("mode", "show", "--turnout.use-cases.weather.mode=batch")).isEqualTo(3);
		assertThat(err()).contains("turnout.use-cases.weather", "Unknown use case 'weather'");
		assertThat(run("mode", "show", "--turnout.use-cases.events.mode=fast")).isEqualTo(3);
		assertThat(err()).contains("fast");
	}

	@Test
	void modesAreSetAndClearedAtRunTimeAndRefusedChangesSayWhy() {
		assertThat(run("mode", "set", "events", "shadow", "--reason=trying the stream")).isZero();
		assertThat(out()).contains("'events' now runs shadow (was batch; override set)");
		assertThat(run("mode", "set", "sessions", "streaming")).isEqualTo(1);
		assertThat(err()).contains("Refused:", "'sessions' cannot run streaming while 'events'");
		assertThat(run("mode", "set", "events", "fast")).isEqualTo(1);
		assertThat(err()).contains("Unknown mode 'fast'");
		assertThat(run("mode", "show")).isZero();
		assertThat(out()).containsPattern("events\\s+batch\\s+shadow\\s+shadow");
		assertThat(run("mode", "clear", "events")).isZero();
		assertThat(out()).contains("'events' now runs batch (was shadow; override cleared");
	}

	/**
	 * #6: Snowflake by configuration alone. No account is reachable from the build
	 * machines, so the test points it at a closed port: the job cannot start, and says
	 * which account and why, within the login timeout.
	 */
	@Test
	void snowflakeIsChosenByConfigurationAndAnUnreachableAccountStopsStartUpNamingIt() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		assertThat(run("job", "run", "events", "--date=2026-07-02", "--turnout.warehouse.type=snowflake",
				"--turnout.warehouse.snowflake.account=acme-analytics", "--turnout.warehouse.snowflake.user=turnout",
				"--turnout.warehouse.snowflake.password=s3cret", "--turnout.warehouse.snowflake.login-timeout=5s",
				"--turnout.warehouse.snowflake.host=127.0.0.1:" + closedPort))
			.isEqualTo(3);
		assertThat(err())
			.contains("Cannot connect to Snowflake account 'acme-analytics' as 'turnout'", "127.0.0.1:" + closedPort)
			.doesNotContain("s3cret");
	}

	/**
	 * #6: BigQuery by configuration alone: without a project it says what is missing;
	 * with an endpoint nobody answers, start-up stops naming the project and the cause.
	 */
	@Test
	void bigQueryIsChosenByConfigurationAndAnUnreachableEndpointStopsStartUpNamingIt() throws IOException {
		assertThat(run("job", "run", "events", "--date=2026-07-02", "--turnout.warehouse.type=bigquery")).isEqualTo(3);
		assertThat(err()).contains("turnout.warehouse.type=bigquery needs turnout.warehouse.bigquery.project");
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		assertThat(run("job", "run", "events", "--date=2026-07-02", "--turnout.warehouse.type=bigquery",
				"--turnout.warehouse.bigquery.project=acme-analytics", "--turnout.warehouse.bigquery.dataset=shop",
				"--turnout.warehouse.bigquery.host=http://127.0.0.1:" + closedPort,
				"--turnout.warehouse.bigquery.retry-timeout=3s"))
			.isEqualTo(3);
		assertThat(err()).contains("Cannot reach BigQuery at http://127.0.0.1:" + closedPort,
				"project 'acme-analytics'", "create the schema history");
	}

	@Test
	void aBadReportingCurrencyStopsStartUp() {
		assertThat(run("mode", "show", "--turnout.reporting-currency=usd")).isEqualTo(3);
		assertThat(err()).contains("reporting-currency", "ISO 4217");
	}

}
