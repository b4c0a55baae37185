package io.turnout.app.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.turnout.app.migration.Caller;
import io.turnout.app.migration.ModeChanges;
import io.turnout.app.migration.ParityChecks;
import io.turnout.app.migration.ParityReport;
import io.turnout.app.migration.ParityReports;
import io.turnout.app.testing.RunningTurnout;
import io.turnout.app.usecases.ConfiguredModes;
import io.turnout.jobs.NightlyJobs.JobRun;
import io.turnout.jobs.UseCaseLeases;
import io.turnout.usecases.Mode;
import io.turnout.usecases.UseCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same jar against PostgreSQL as the control database, by configuration only: Flyway
 * migrates the job repository and the platform state, a job runs and restarts there, and
 * the migration path keeps its state there: overrides, the audit of mode changes,
 * use-case leases and parity reports.
 */
class PostgresControlDatabaseIT {

	static final String URL = System.getenv()
		.getOrDefault("TURNOUT_IT_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/turnout_it");

	static final String USER = System.getenv().getOrDefault("TURNOUT_IT_POSTGRES_USER", "turnout");

	static final String PASSWORD = System.getenv().getOrDefault("TURNOUT_IT_POSTGRES_PASSWORD", "turnout");

	static final String SCHEMA = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	@TempDir
	static Path home;

	static boolean reachable;

	@BeforeAll
	static void checkReachable() {
		DriverManager.setLoginTimeout(3);
		try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
			reachable = connection.isValid(3);
		}
		catch (SQLException ex) {
			reachable = false;
		}
		assumeTrue(reachable, "PostgreSQL not reachable at " + URL + " as " + USER
				+ "; start it with pg_ctlcluster 15 main start and run .ci/postgres (or set TURNOUT_IT_POSTGRES_*)");
	}

	@AfterAll
	static void dropSchema() throws SQLException {
		if (reachable) {
			try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
					Statement statement = connection.createStatement()) {
				statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
			}
		}
	}

	@Test
	void jobsAndModeOverridesLiveInPostgres() throws Exception {
		Path partition = home.resolve("lake/events/dt=2026-08-01");
		Files.createDirectories(partition);
		Files.writeString(partition.resolve("part-000.jsonl"),
				"{\"type\":\"page\",\"messageId\":\"pg-1\",\"anonymousId\":\"a\",\"timestamp\":\"2026-08-01T10:00:00Z\"}\n"
						+ "{\"type\":\"page\",\"messageId\":\"pg-2\",\"anonymousId\":\"b\",\"timestamp\":\"2026-08-01T11:00:00Z\"}\n");
		try (RunningTurnout turnout = RunningTurnout.jobsOnly(home,
				Map.of("spring.datasource.url", URL + "?currentSchema=" + SCHEMA, "spring.datasource.username", USER,
						"spring.datasource.password", PASSWORD, "spring.flyway.schemas", SCHEMA))) {
			LocalDate day = LocalDate.parse("2026-08-01");

			assertThat(turnout.runJob("events", day, false).outcome()).isEqualTo(JobRun.Outcome.COMPLETED);
			assertThat(turnout.runJob("events", day, false).outcome()).isEqualTo(JobRun.Outcome.ALREADY_COMPLETE);
			assertThat(turnout.count("events")).isEqualTo(2);

			JdbcTemplate control = turnout.context().getBean(JdbcTemplate.class);
			assertThat(control.queryForObject("SELECT current_database() || '/' || current_schema()", String.class))
				.isEqualTo("turnout_it/" + SCHEMA);
			assertThat(control.queryForList("SELECT job_name FROM batch_job_instance", String.class))
				.containsExactly("events");

			ModeChanges changes = turnout.context().getBean(ModeChanges.class);
			Caller it = new Caller("it", "cli");
			assertThat(changes.set("events", "streaming", true, "test", it).applied()).isTrue();
			assertThat(changes.set("attribution", "streaming", true, null, it).applied()).isFalse();
			UseCaseLeases leases = turnout.context().getBean(UseCaseLeases.class);
			assertThat(leases.take("sessions", "nightly job for 2026-08-01")).isEmpty();
			assertThat(leases.take("sessions", "another")).isPresent();
			assertThat(changes.set("sessions", "shadow", false, null, it).message())
				.contains("nightly job for 2026-08-01");
			leases.release("sessions");
			assertThat(turnout.context().getBean(ConfiguredModes.class).currentModeOf(UseCase.EVENTS))
				.isEqualTo(Mode.STREAMING);
			assertThat(control.queryForList("SELECT use_case || ' ' || mode FROM turnout_mode_override", String.class))
				.isEqualTo(List.of("events streaming"));
			assertThat(control.queryForList(
					"SELECT use_case || ' ' || outcome || ' ' || forced FROM turnout_mode_change ORDER BY id",
					String.class))
				.containsExactly("events applied true", "attribution refused true", "sessions refused false");

			turnout.context().getBean(ParityChecks.class).run(UseCase.SESSIONS, day);
			assertThat(turnout.context().getBean(ParityReports.class).findByUseCaseOrderByIdDesc("sessions"))
				.singleElement()
				.satisfies(report -> {
					assertThat(report.passed()).isTrue();
					assertThat(report.tables()).extracting(ParityReport.TableResult::tableName)
						.containsExactly("sessions");
				});
		}
	}

}
