package io.turnout.app.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.turnout.app.testing.RunningTurnout;
import io.turnout.jobs.NightlyJobs.JobRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input never stops the platform or loses data (issue #3). */
class BadLakeInputIT {

	@TempDir
	static Path home;

	static RunningTurnout turnout;

	@BeforeAll
	static void start() {
		turnout = RunningTurnout.jobsOnly(home, Map.of("turnout.batch.chunk-size", "7"));
	}

	@AfterAll
	static void stop() {
		turnout.close();
	}

	@Test
	void garbageLinesAnEmptyFileAndHugeOrDeeplyNestedMessagesAreFailedOrAcceptedNeverLost() {
		Path day = home.resolve("lake/events/dt=2026-05-01");
		String t = "2026-05-01T08:00:00Z";
		String huge = "{\"type\":\"track\",\"event\":\"Big\",\"messageId\":\"huge\",\"anonymousId\":\"a\",\"timestamp\":\""
				+ t + "\",\"properties\":{\"blob\":\"" + "x".repeat(40_000) + "\"}}";
		String large = huge.replace("\"huge\"", "\"large\"").replace("x".repeat(40_000), "y".repeat(20_000));
		String deep = "{\"type\":\"track\",\"event\":\"Deep\",\"messageId\":\"deep\",\"anonymousId\":\"a\",\"timestamp\":\""
				+ t + "\",\"properties\":" + "{\"n\":".repeat(1500) + "1" + "}".repeat(1500) + "}";
		String nested = deep.replace("\"deep\"", "\"nested\"")
			.replace("{\"n\":".repeat(1500), "{\"n\":".repeat(200))
			.replace("}".repeat(1500), "}".repeat(200));
		LakeFiles.write(day.resolve("part-000-a.jsonl"), List.of(LakeFiles.page("ok-1", t), "%%% not json", "",
				"{\"type\":\"page\",", huge, large, deep, nested, "   ", LakeFiles.page("ok-2", t), "[]"));
		LakeFiles.write(day.resolve("part-000-b.jsonl"), List.of());
		LakeFiles.write(day.resolve(".part-000-c.jsonl.tmp"), List.of(LakeFiles.page("in-progress", t)));

		JobRun run = turnout.runJob("events", LocalDate.parse("2026-05-01"), false);

		assertThat(run.outcome()).as(run.message()).isEqualTo(JobRun.Outcome.COMPLETED);
		assertThat(turnout.query("SELECT event_id FROM marketing.events ORDER BY 1")).flatExtracting(row -> row)
			.containsExactly("large", "nested", "ok-1", "ok-2");
		assertThat(turnout.query("SELECT reason, coalesce(event_id, '-') FROM marketing.failed_events ORDER BY 1, 2"))
			.containsExactly(List.of("invalid_json", "-"), List.of("invalid_json", "-"), List.of("invalid_json", "-"),
					List.of("message_too_large", "huge"), List.of("not_an_object", "-"));
		assertThat(turnout.query("SELECT detail FROM marketing.failed_events WHERE detail LIKE '%nesting%'"))
			.singleElement()
			.satisfies(row -> assertThat(row.get(0)).contains("nesting deeper than 1000 levels"));
	}

	@Test
	void aTruncatedGzipFileFailsTheJobNamingTheFileAndTheJobSucceedsOnceItIsReplaced() throws IOException {
		Path day = home.resolve("lake/events/dt=2026-05-02");
		String t = "2026-05-02T08:00:00Z";
		List<String> first = IntStream.range(0, 20).mapToObj(i -> LakeFiles.page("first-" + i, t)).toList();
		List<String> second = IntStream.range(0, 3000).mapToObj(i -> LakeFiles.page("second-" + i, t)).toList();
		LakeFiles.write(day.resolve("part-000-a.jsonl"), first);
		byte[] gzip = LakeFiles.gzip(second);
		Path broken = day.resolve("part-001-b.jsonl.gz");
		Files.write(broken, java.util.Arrays.copyOf(gzip, gzip.length / 2));

		JobRun failed = turnout.runJob("events", LocalDate.parse("2026-05-02"), false);

		assertThat(failed.outcome()).isEqualTo(JobRun.Outcome.FAILED);
		assertThat(failed.message()).contains(broken.toString(), "Replace the file");

		Files.write(broken, gzip);
		JobRun restarted = turnout.runJob("events", LocalDate.parse("2026-05-02"), false);

		assertThat(restarted.outcome()).as(restarted.message()).isEqualTo(JobRun.Outcome.COMPLETED);
		assertThat(turnout.query("SELECT count(*), count(DISTINCT event_id) FROM marketing.events "
				+ "WHERE event_date = DATE '2026-05-02'"))
			.containsExactly(List.of("3020", "3020"));
	}

	@Test
	void aDayWithoutALakePartitionFailsWithAClearMessage() {
		JobRun run = turnout.runJob("events", LocalDate.parse("2026-04-30"), false);

		assertThat(run.outcome()).isEqualTo(JobRun.Outcome.FAILED);
		assertThat(run.message()).contains("No lake partition for this day", "dt=2026-04-30");
	}

	@Test
	void aCompletedDayIsNotRunAgainUnlessAskedAndARerunDuplicatesNothing() {
		Path day = home.resolve("lake/events/dt=2026-05-03");
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			lines.add(LakeFiles.page("again-" + i, "2026-05-03T08:00:00Z"));
		}
		LakeFiles.write(day.resolve("part-000.jsonl"), lines);
		LocalDate date = LocalDate.parse("2026-05-03");

		assertThat(turnout.runJob("events", date, false).outcome()).isEqualTo(JobRun.Outcome.COMPLETED);
		assertThat(turnout.runJob("events", date, false).outcome()).isEqualTo(JobRun.Outcome.ALREADY_COMPLETE);
		assertThat(turnout.runJob("events", date, true).outcome()).isEqualTo(JobRun.Outcome.COMPLETED);
		assertThat(turnout.query("SELECT count(*) FROM marketing.events WHERE event_date = DATE '2026-05-03'"))
			.containsExactly(List.of("50"));
	}

}
