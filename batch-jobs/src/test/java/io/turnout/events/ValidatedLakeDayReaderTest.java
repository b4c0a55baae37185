package io.turnout.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

import io.turnout.lake.LakeLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The events job reads and validates ahead of its writer, and still hands out every line
 * once, in read order, with restart points that never skip or repeat a line.
 */
class ValidatedLakeDayReaderTest {

	private static final LocalDate DAY = LocalDate.parse("2026-03-02");

	private final ExecutorService validationThreads = Executors.newFixedThreadPool(3);

	@TempDir
	Path lake;

	@AfterEach
	void stopThreads() {
		this.validationThreads.shutdownNow();
	}

	@Test
	void handsOutEveryLineOfEveryFileOnceInReadOrder() throws IOException {
		List<String> written = new ArrayList<>();
		written.addAll(writeFile("a.jsonl", 0, 2_500));
		written.addAll(writeGzipFile("b.jsonl.gz", 2_500, 1_001));
		written.addAll(writeFile("c.jsonl", 3_501, 3));

		ValidatedLakeDayReader reader = reader(1_500);
		reader.open(new ExecutionContext());
		assertThat(readAll(reader, Integer.MAX_VALUE)).isEqualTo(written);
		assertThat(reader.read()).isNull();
		assertThat(reader.fractionRead()).isEqualTo(1.0);
		reader.close();
	}

	@Test
	void theRestartPointIsTheLastLineHandedOutNotTheLinesReadAhead() throws IOException {
		List<String> written = new ArrayList<>(writeFile("a.jsonl", 0, 2_200));
		written.addAll(writeFile("b.jsonl", 2_200, 2_200));

		ValidatedLakeDayReader first = reader(4_000);
		ExecutionContext context = new ExecutionContext();
		first.open(context);
		List<String> beforeTheFailure = readAll(first, 3_333);
		first.update(context);
		first.close();

		ValidatedLakeDayReader restarted = reader(4_000);
		restarted.open(context);
		List<String> afterTheRestart = readAll(restarted, Integer.MAX_VALUE);
		restarted.close();

		List<String> all = new ArrayList<>(beforeTheFailure);
		all.addAll(afterTheRestart);
		assertThat(all).isEqualTo(written);
	}

	@Test
	void aFileThatCannotBeReadFailsAfterEveryLineReadBeforeIt() throws IOException {
		List<String> written = writeFile("a.jsonl", 0, 1_234);
		Path broken = this.lake.resolve("events/dt=" + DAY).resolve("b.jsonl.gz");
		byte[] gzip = gzip(lines(1_234, 5_000));
		Files.write(broken, Arrays.copyOf(gzip, gzip.length / 2));

		ValidatedLakeDayReader reader = reader(2_000);
		reader.open(new ExecutionContext());
		List<String> read = new ArrayList<>();
		assertThatThrownBy(() -> {
			Outcome outcome;
			while ((outcome = reader.read()) != null) {
				read.add(LinesAsOutcomes.lineOf(outcome));
			}
		}).isInstanceOf(ItemStreamException.class).hasMessageContaining(broken.toString());
		assertThat(read).startsWith(written.toArray(String[]::new));
		reader.close();
	}

	private ValidatedLakeDayReader reader(int messagesAhead) {
		return new ValidatedLakeDayReader(new LakeDayReader(new LakeLayout(this.lake), DAY), LinesAsOutcomes::outcomeOf,
				this.validationThreads, messagesAhead);
	}

	private static List<String> readAll(ValidatedLakeDayReader reader, int limit) {
		List<String> read = new ArrayList<>();
		Outcome outcome;
		while (read.size() < limit && (outcome = reader.read()) != null) {
			read.add(LinesAsOutcomes.lineOf(outcome));
		}
		return read;
	}

	private List<String> writeFile(String name, int first, int count) throws IOException {
		List<String> lines = lines(first, count);
		Files.write(partition().resolve(name), lines);
		return lines;
	}

	private List<String> writeGzipFile(String name, int first, int count) throws IOException {
		List<String> lines = lines(first, count);
		Files.write(partition().resolve(name), gzip(lines));
		return lines;
	}

	private Path partition() throws IOException {
		return Files.createDirectories(this.lake.resolve("events/dt=" + DAY));
	}

	private static List<String> lines(int first, int count) {
		return IntStream.range(first, first + count).mapToObj(i -> "{\"line\":" + i + "}").toList();
	}

	private static byte[] gzip(List<String> lines) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (OutputStream out = new GZIPOutputStream(bytes)) {
			out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

}
