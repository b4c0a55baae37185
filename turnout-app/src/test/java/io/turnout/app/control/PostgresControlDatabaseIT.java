package io.turnout.app.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.turnout.app.testing.RunningTurnout;
import io.turnout.app.usecases.ModeOverride;
import io.turnout.app.usecases.ModeOverrides;
import io.turnout.jobs.NightlyJobs.JobRun;
import io.turnout.usecases.Mode;
import io.turnout.usecases.Modes;
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
 * mode overrides are stored there.
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

			turnout.context()
				.getBean(ModeOverrides.class)
				.save(new ModeOverride("events", "streaming", "it", Instant.parse("2026-08-02T00:00:00Z"), "test",
						null));
			assertThat(turnout.context().getBean(Modes.class).modeOf(UseCase.EVENTS)).isEqualTo(Mode.STREAMING);
			assertThat(control.queryForList("SELECT use_case || ' ' || mode FROM turnout_mode_override", String.class))
				.isEqualTo(List.of("events streaming"));
		}
	}

}
