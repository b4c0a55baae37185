package io.turnout.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The README's performance figures: {@code batch} (the nightly events job over a
 * 1M-message lake day) and {@code streaming} (collector to DuckDB through the streaming
 * function: sustained rate, and end-to-end p99 at a fixed rate), both driving the real
 * {@code turnout-app/target/turnout.jar} in a child process; {@code adapters} (what the
 * warehouse abstraction costs the events use case against DuckDB), in this process.
 *
 * <pre>
 * ./mvnw -q -DskipTests package && java -jar bench/target/turnout-bench.jar batch|streaming|adapters|all
 * </pre>
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		String which = (args.length > 0) ? args[0] : "all";
		Path jar = Path.of(System.getProperty("turnout.jar", "turnout-app/target/turnout.jar")).toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			System.err.println("No " + jar + ": build it first with ./mvnw -DskipTests package");
			System.exit(2);
		}
		Path work = Files.createDirectories(Path.of(System.getProperty("bench.dir", "bench/target/runs")));
		if (which.equals("batch") || which.equals("all")) {
			new BatchBench(jar, work, Integer.getInteger("messages", 1_000_000),
					Integer.getInteger("batch.eventsRuns", 3))
				.run();
		}
		if (which.equals("streaming") || which.equals("all")) {
			new StreamingBench(jar, work).run();
		}
		if (which.equals("adapters") || which.equals("all")) {
			new AdapterBench(work, Integer.getInteger("adapters.messages", 300_000)).run();
		}
	}

}
