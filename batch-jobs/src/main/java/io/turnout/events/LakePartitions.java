package io.turnout.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.turnout.lake.LakeLayout;

/** The days the lake holds a partition for. */
public final class LakePartitions {

	private LakePartitions() {
	}

	/** The days with a partition, in order; none when the lake has none yet. */
	public static List<LocalDate> days(LakeLayout lake) {
		Path events = lake.partitions();
		if (!Files.isDirectory(events)) {
			return List.of();
		}
		try (Stream<Path> partitions = Files.list(events)) {
			return partitions.filter(Files::isDirectory)
				.map(partition -> LakeLayout.dayOfPartition(partition.getFileName().toString()))
				.flatMap(Optional::stream)
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the lake's partitions in " + events, ex);
		}
	}

	/** The earliest day with a partition; empty when the lake has none yet. */
	public static Optional<LocalDate> firstDay(LakeLayout lake) {
		return days(lake).stream().findFirst();
	}

}
