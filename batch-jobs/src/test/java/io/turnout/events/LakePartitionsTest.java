package io.turnout.events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import io.turnout.lake.LakeLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The lake's first day: the scheduler does not run days before it. */
class LakePartitionsTest {

	@TempDir
	Path root;

	@Test
	void theDaysAreThePartitionDirectoriesInOrder() throws Exception {
		LakeLayout lake = new LakeLayout(this.root);
		assertThat(LakePartitions.firstDay(lake)).isEmpty();

		Files.createDirectories(lake.partition(LocalDate.parse("2026-03-02")));
		Files.createDirectories(lake.partition(LocalDate.parse("2026-02-28")));
		Files.createDirectories(lake.partitions().resolve("dt=not-a-day"));
		Files.createDirectories(lake.partitions().resolve("_tmp"));
		Files.writeString(lake.partitions().resolve("dt=2026-01-01"), "a file, not a partition");

		assertThat(LakePartitions.days(lake)).containsExactly(LocalDate.parse("2026-02-28"),
				LocalDate.parse("2026-03-02"));
		assertThat(LakePartitions.firstDay(lake)).contains(LocalDate.parse("2026-02-28"));
	}

}
