package io.turnout.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.turnout.traffic.SyntheticTraffic;

/**
 * The nightly events job over one lake day of synthetic Segment traffic, against DuckDB's
 * own {@code read_json} over the same files as the yardstick.
 */
final class BatchBench {

	private static final LocalDate DAY = LocalDate.parse("2026-09-01");

	private static final Pattern COMPLETED = Pattern.compile("Completed in ([0-9.]+) s \\(([0-9,]+) messages/s\\)");

	private final Path jar;

	private final Path work;

	private final int messages;

	private final int eventsRuns;

	BatchBench(Path jar, Path work, int messages, int eventsRuns) {
		this.jar = jar;
		this.work = work;
		this.messages = messages;
		this.eventsRuns = eventsRuns;
	}

	void run() throws Exception {
		Path home = this.work.resolve("batch-" + System.currentTimeMillis());
		Path partition = home.resolve("lake/events/dt=" + DAY);
		Files.createDirectories(partition);
		long written = writeLakeDay(partition);
		long bytes;
		try (var files = Files.list(partition)) {
			bytes = files.mapToLong(f -> f.toFile().length()).sum();
		}
		System.out.printf("batch: lake day of %,d messages (%,.0f MB) in %s%n", written, bytes / 1e6, partition);

		double duckdbSeconds = duckDbReadJson(partition);
		System.out.printf("batch: DuckDB read_json of the same files: %.1f s, %,.0f rows/s%n", duckdbSeconds,
				written / duckdbSeconds);

		// Runs vary by ±10% on these machines: the events job runs several times, each
		// on a new warehouse and control database, and its median is the figure.
		List<Double> seconds = new ArrayList<>();
		for (int run = 1; run <= this.eventsRuns; run++) {
			deleteWarehouseAndControlDatabase(home);
			double runSeconds = runEventsJob(home, home.resolve("job-" + run + ".log"));
			seconds.add(runSeconds);
			System.out.printf("batch: job run events, run %d of %d: %.1f s, %,.0f messages/s%n", run, this.eventsRuns,
					runSeconds, written / runSeconds);
		}
		double median = AdapterBench.median(seconds);
		System.out.printf(
				"batch: job run events, median of %d runs: %.1f s, %,.0f messages/s (%.0f%% of DuckDB's read_json rate)%n",
				this.eventsRuns, median, written / median, 100 * (written / median) / (written / duckdbSeconds));
		double chain = 0;
		for (String useCase : List.of("sessions", "attribution", "revenue-daily", "cart-abandonment")) {
			Path useCaseLog = home.resolve(useCase + ".log");
			try (TurnoutProcess job = TurnoutProcess.start(this.jar, useCaseLog,
					List.of("job", "run", useCase, "--date=" + DAY, "--turnout.home=" + home))) {
				int exit = job.waitFor();
				Matcher completed = Pattern.compile("Completed in ([0-9.]+) s: (.*)")
					.matcher(Files.readString(useCaseLog));
				if (exit != 0 || !completed.find()) {
					throw new IllegalStateException(
							useCase + " did not complete (exit " + exit + "); see " + useCaseLog);
				}
				chain += Double.parseDouble(completed.group(1));
				System.out.printf("batch: job run %s: %s s (%s)%n", useCase, completed.group(1), completed.group(2));
			}
		}
		System.out.printf("batch: the derived use cases' nightly jobs for the day: %.1f s%n", chain);
	}

	private double runEventsJob(Path home, Path log) throws Exception {
		try (TurnoutProcess job = TurnoutProcess.start(this.jar, log,
				List.of("job", "run", "events", "--date=" + DAY, "--turnout.home=" + home))) {
			int exit = job.waitFor();
			Matcher completed = COMPLETED.matcher(Files.readString(log));
			if (exit != 0 || !completed.find()) {
				throw new IllegalStateException("The job did not complete (exit " + exit + "); see " + log);
			}
			return Double.parseDouble(completed.group(1));
		}
	}

	private static void deleteWarehouseAndControlDatabase(Path home) throws IOException {
		try (var files = Files.list(home)) {
			for (Path file : files.toList()) {
				String name = file.getFileName().toString();
				if (name.startsWith("warehouse.duckdb") || name.startsWith("control.")) {
					Files.delete(file);
				}
			}
		}
	}

	private long writeLakeDay(Path partition) throws IOException {
		long written = 0;
		int file = 0;
		while (written < this.messages) {
			List<String> lines = SyntheticTraffic.asLakeLines(SyntheticTraffic.day(DAY, 5_000, file), "bench", file);
			int take = (int) Math.min(lines.size(), this.messages - written);
			Path path = partition.resolve(String.format("part-%03d-%019d.jsonl", file, written));
			try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
				for (String line : lines.subList(0, take)) {
					out.write(line);
					out.write('\n');
				}
			}
			// Forced to disk, as the lake sink publishes its files. Otherwise the job
			// runs
			// while the kernel writes the day's dirty pages back, and waits for it: 13.4
			// s
			// against 10.0 s for the same day once written back.
			try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			written += take;
			file++;
		}
		return written;
	}

	private static double duckDbReadJson(Path partition) throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement()) {
			long start = System.nanoTime();
			statement.execute("CREATE TABLE raw AS SELECT * FROM read_json('" + partition + "/*.jsonl', "
					+ "format = 'newline_delimited', union_by_name = true, ignore_errors = true)");
			double seconds = (System.nanoTime() - start) / 1e9;
			try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM raw")) {
				rs.next();
			}
			return seconds;
		}
	}

}
