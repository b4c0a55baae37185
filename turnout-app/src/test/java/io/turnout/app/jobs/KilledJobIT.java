package io.turnout.app.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.turnout.app.TurnoutApplication;
import io.turnout.app.testing.RunningTurnout;
import io.turnout.jobs.NightlyJobs.JobRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A nightly job whose process is killed (SIGKILL) mid-run: the day stays recorded as
 * running; {@code job run --recover} marks it failed and restarts it where it stopped,
 * and every message ends up exactly once.
 */
class KilledJobIT {

	@TempDir
	Path home;

	@Test
	void aKilledJobIsRecoveredAndCompletesWithEveryRowOnce() throws Exception {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 60_000; i++) {
			lines.add(LakeFiles.page(String.format("killed-%05d", i), "2026-06-02T10:00:00Z"));
		}
		for (int file = 0; file < 6; file++) {
			LakeFiles.write(this.home.resolve("lake/events/dt=2026-06-02/part-" + file + ".jsonl"),
					lines.subList(file * 10_000, (file + 1) * 10_000));
		}
		String control = "jdbc:h2:file:" + this.home.toAbsolutePath().resolve("control")
				+ ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
		// Small chunks keep the job running for seconds, long after the first commits.
		Process job = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), TurnoutApplication.class.getName(), "job", "run", "events",
				"--date=2026-06-02", "--turnout.home=" + this.home, "--spring.datasource.url=" + control,
				"--turnout.batch.chunk-size=50", "--turnout.batch.validation-threads=1")
			.redirectErrorStream(true)
			.redirectOutput(this.home.resolve("killed-job.log").toFile())
			.start();
		Path jobLog = this.home.resolve("killed-job.log");
		// The control database is touched only once the job process has opened it (H2
		// refuses a second process that opens the file at the same moment; afterwards it
		// serves the others).
		await().atMost(Duration.ofSeconds(60)).conditionEvaluationListener(condition -> {
			if (!job.isAlive()) {
				throw new AssertionError(
						"The job process exited (" + job.exitValue() + ") before it was killed:\n" + logOf(jobLog));
			}
		})
			.until(() -> logOf(jobLog).contains("Executing step: [events.ingestLakeDay]")
					&& committedReads(control) >= 2_000);
		job.destroyForcibly().waitFor();

		try (RunningTurnout turnout = RunningTurnout.jobsOnly(this.home, Map.of())) {
			LocalDate day = LocalDate.parse("2026-06-02");
			JobRun refused = turnout.runJob("events", day, false);

			assertThat(refused.outcome()).isEqualTo(JobRun.Outcome.FAILED);
			assertThat(refused.message()).contains("already running", "--recover");

			JobRun recovered = turnout.recoverJob("events", day);

			assertThat(recovered.outcome()).as(recovered.message()).isEqualTo(JobRun.Outcome.COMPLETED);
			assertThat(turnout.query("SELECT count(*), count(DISTINCT event_id) FROM marketing.events"))
				.containsExactly(List.of("60000", "60000"));
		}
	}

	private static String logOf(Path log) {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			return "(no log: " + ex + ")";
		}
	}

	private static long committedReads(String control) {
		try (Connection connection = DriverManager.getConnection(control, "", "");
				Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT coalesce(max(READ_COUNT), 0) FROM BATCH_STEP_EXECUTION")) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException ex) {
			return 0;
		}
	}

}
