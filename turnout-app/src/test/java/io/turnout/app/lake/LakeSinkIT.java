package io.turnout.app.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import io.turnout.app.testing.KafkaBroker;
import io.turnout.app.testing.RunningTurnout;
import io.turnout.lake.LakeSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The lake sink is always on: a failure to write costs a retry, never a record. */
class LakeSinkIT {

	@TempDir
	Path home;

	@Test
	void aSinkThatCannotWriteRetriesAndPublishesOnceItCan() throws IOException {
		Path lake = this.home.resolve("lake");
		Files.createDirectories(lake);
		Path blocker = lake.resolve("events");
		Files.writeString(blocker, "a file where the events folder should be");
		try (KafkaBroker kafka = KafkaBroker.start();
				RunningTurnout turnout = RunningTurnout.serving(this.home, kafka.bootstrapServers(), Map.of())) {
			assertThat(turnout.post("/v1/track",
					"{\"userId\":\"u\",\"event\":\"E\",\"messageId\":\"lake-1\",\"timestamp\":\"2026-03-02T10:00:00Z\"}")
				.statusCode()).isEqualTo(200);
			LakeSink sink = turnout.context().getBean(LakeSink.class);

			await().atMost(Duration.ofSeconds(30)).until(() -> sink.failures() >= 1);
			assertThat(kafka.lag("turnout-lake", "turnout.events.raw")).isPositive();

			Files.delete(blocker);

			await().atMost(Duration.ofSeconds(30)).until(() -> kafka.lag("turnout-lake", "turnout.events.raw") == 0);
			try (Stream<Path> files = Files.list(lake.resolve("events/dt=2026-03-02"))) {
				Path published = files.filter(Files::isRegularFile).findFirst().orElseThrow();
				assertThat(published.getFileName().toString()).startsWith("part-").endsWith(".jsonl");
				assertThat(Files.readString(published)).contains("\"messageId\":\"lake-1\"");
			}
		}
	}

}
