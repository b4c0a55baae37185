package io.turnout.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.turnout.traffic.SyntheticTraffic;

/**
 * The streaming path of the events use case, end to end on the embedded defaults
 * ({@code serve} with the in-process broker and DuckDB): how many messages a second it
 * sustains from the collector to committed DuckDB rows, and the p99 time from collector
 * receipt to a row being committed when traffic arrives at a fixed 10,000 messages a
 * second.
 *
 * <p>
 * The p99 is the server's own timer, whose percentiles cover a sliding window of the last
 * 80 to 120 seconds (Micrometer's default). The paced phase first sends
 * {@code streaming.warmupSeconds} of traffic at the same rate, for the JIT to compile the
 * path, then {@code streaming.seconds} of measured traffic: with 120 seconds or more, the
 * window holds only the steady state. {@code -Dstreaming.warmupSeconds=0
 * -Dstreaming.seconds=30} measures from a cold start instead.
 */
final class StreamingBench {

	private static final String KEY = "bench-key";

	private static final Pattern VALUE = Pattern.compile("\"value\":([0-9.Ee+-]+)");

	private final Path jar;

	private final Path work;

	StreamingBench(Path jar, Path work) {
		this.jar = jar;
		this.work = work;
	}

	void run() throws Exception {
		int throughputMessages = Integer.getInteger("streaming.messages", 300_000);
		int ratePerSecond = Integer.getInteger("streaming.rate", 10_000);
		int seconds = Integer.getInteger("streaming.seconds", 120);
		int warmupSeconds = Integer.getInteger("streaming.warmupSeconds", 20);
		int derivedRate = Integer.getInteger("streaming.derived.rate", 5_000);
		int derivedSeconds = Integer.getInteger("streaming.derived.seconds", 60);
		if (Boolean.getBoolean("streaming.derivedOnly")) {
			derivedPhase(derivedRate, derivedSeconds);
			return;
		}
		int throughputWarmup = Integer.getInteger("streaming.warmupMessages", 200_000);
		List<byte[]> bodies = bodies(
				Math.max(throughputWarmup + throughputMessages, ratePerSecond * (warmupSeconds + seconds)));
		Phase unpaced = phase("throughput",
				bodies.subList(throughputMessages / 100, (throughputMessages + throughputWarmup) / 100),
				bodies.subList(0, throughputMessages / 100), 0, List.of());
		System.out.printf(
				"streaming: %,d messages sent as fast as 8 clients can, after %,d messages of warm-up: collector to "
						+ "DuckDB rows in %.1f s, %,.0f messages/s sustained (HTTP acknowledged at %,.0f messages/s)%n",
				unpaced.messages, throughputWarmup, unpaced.storedSeconds, unpaced.messages / unpaced.storedSeconds,
				unpaced.messages / unpaced.sentSeconds);
		int warmupBatches = ratePerSecond * warmupSeconds / 100;
		Phase paced = phase("latency", bodies.subList(0, warmupBatches),
				bodies.subList(warmupBatches, warmupBatches + ratePerSecond * seconds / 100), ratePerSecond, List.of());
		System.out.printf(
				"streaming: at %,d messages/s for %d s after %d s of warm-up at that rate: receipt-to-row "
						+ "p50 %.0f ms, p99 %.0f ms (the server's timer, a window of the last 80-120 s)%n",
				ratePerSecond, seconds, warmupSeconds, paced.p50 * 1000, paced.p99 * 1000);
		derivedPhase(derivedRate, derivedSeconds);
	}

	private void derivedPhase(int derivedRate, int derivedSeconds) throws Exception {
		List<String> everythingStreams = new ArrayList<>();
		for (String useCase : List.of("sessions", "attribution", "revenue-daily", "cart-abandonment")) {
			everythingStreams.add("--turnout.use-cases." + useCase + ".mode=streaming");
		}
		String serveArgs = System.getProperty("streaming.serveArgs", "").strip();
		if (!serveArgs.isEmpty()) {
			everythingStreams.addAll(List.of(serveArgs.split("\\s+")));
		}
		Phase derived = phase("derived", List.of(), inEventTimeOrder(derivedRate * derivedSeconds), derivedRate,
				everythingStreams);
		System.out.printf("streaming, every use case: at %,d events/s for %d s (one day growing to %,d events): "
				+ "events p99 %.0f ms; from collector receipt to restated, p99: sessions %.0f ms, "
				+ "revenue-daily %.0f ms; cart trigger after the watermark passed its abandonment time, p99: %.0f ms%n",
				derivedRate, derivedSeconds, derivedRate * derivedSeconds, derived.p99 * 1000,
				derived.sessionsLagP99 * 1000, derived.revenueLagP99 * 1000, derived.triggerLagP99 * 1000);
	}

	private Phase phase(String name, List<byte[]> warmup, List<byte[]> batches, int ratePerSecond,
			List<String> extraArgs) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path home = this.work.resolve("streaming-" + name + "-" + System.currentTimeMillis());
		Files.createDirectories(home);
		List<String> args = new ArrayList<>(List.of("serve", "--turnout.home=" + home, "--server.port=" + port,
				"--turnout.use-cases.events.mode=streaming", "--turnout.collector.sources.bench.write-key=" + KEY,
				"--logging.level.root=warn"));
		args.addAll(extraArgs);
		try (TurnoutProcess serve = TurnoutProcess.start(this.jar, home.resolve("serve.log"), args)) {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			String base = "http://127.0.0.1:" + port;
			awaitUp(http, base, serve);
			// One batch through, so that the consumer has joined its group; then
			// the warm-up traffic, if any, for the JIT. What follows is measured.
			send(http, base, batches.subList(0, 1), 0);
			awaitStored(http, base, 100);
			if (!warmup.isEmpty()) {
				long before = stored(http, base);
				send(http, base, warmup, ratePerSecond);
				awaitStored(http, base, before + warmup.size() * 100L);
			}
			long warm = stored(http, base);
			long start = System.nanoTime();
			send(http, base, batches, ratePerSecond);
			double sentSeconds = (System.nanoTime() - start) / 1e9;
			int messages = batches.size() * 100;
			awaitStored(http, base, warm + messages);
			double storedSeconds = (System.nanoTime() - start) / 1e9;
			if (!extraArgs.isEmpty()) {
				awaitRestatedAndTriggered(http, base);
			}
			double p50 = metric(http, base, "turnout.events.visible.latency.percentile?tag=phi:0.5");
			double p99 = metric(http, base, "turnout.events.visible.latency.percentile?tag=phi:0.99");
			double sessionsLag = metric(http, base,
					"turnout.derived.restate.lag.percentile?tag=phi:0.99&tag=use_case:sessions");
			double revenueLag = metric(http, base,
					"turnout.derived.restate.lag.percentile?tag=phi:0.99&tag=use_case:revenue-daily");
			double triggerLag = metric(http, base, "turnout.carts.trigger.lag.percentile?tag=phi:0.99");
			return new Phase(messages, sentSeconds, storedSeconds, p50, p99, sessionsLag, revenueLag, triggerLag);
		}
	}

	private static void send(HttpClient http, String base, List<byte[]> batches, int ratePerSecond)
			throws InterruptedException {
		String auth = "Basic " + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
		AtomicInteger next = new AtomicInteger();
		long start = System.nanoTime();
		long nanosPerBatch = (ratePerSecond > 0) ? 100 * 1_000_000_000L / ratePerSecond : 0;
		ExecutorService clients = Executors.newFixedThreadPool(8);
		for (int c = 0; c < 8; c++) {
			clients.submit(() -> {
				int i;
				while ((i = next.getAndIncrement()) < batches.size()) {
					long due = start + i * nanosPerBatch;
					long wait = due - System.nanoTime();
					if (wait > 0) {
						TimeUnit.NANOSECONDS.sleep(wait);
					}
					HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/batch"))
						.header("Authorization", auth)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofByteArray(batches.get(i)))
						.build();
					HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() != 200) {
						throw new IllegalStateException("collector answered " + response.statusCode());
					}
				}
				return null;
			});
		}
		clients.shutdown();
		clients.awaitTermination(1, TimeUnit.HOURS);
	}

	private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");

	/**
	 * Synthetic messages in event-time order, as live trackers send them: event time then
	 * advances steadily (a day in the phase's seconds), which the cart triggers' latency
	 * is measured against.
	 */
	private static List<byte[]> inEventTimeOrder(int count) {
		List<String> messages = new ArrayList<>(messages(count));
		messages.sort(Comparator.comparing(StreamingBench::timestampOf));
		return batches(messages);
	}

	private static String timestampOf(String message) {
		Matcher timestamp = TIMESTAMP.matcher(message);
		return timestamp.find() ? timestamp.group(1) : "";
	}

	private static List<byte[]> bodies(int count) {
		return batches(messages(count));
	}

	/** The first {@code count} messages of synthetic days of 2,000 visitors each. */
	private static List<String> messages(int count) {
		List<String> messages = new ArrayList<>();
		int seed = 0;
		while (messages.size() < count) {
			messages.addAll(SyntheticTraffic.day(LocalDate.parse("2026-09-02"), 2_000, seed++));
		}
		return messages.subList(0, count - count % 100);
	}

	/** Collector request bodies of 100 messages each. */
	private static List<byte[]> batches(List<String> messages) {
		List<byte[]> bodies = new ArrayList<>();
		for (int from = 0; from + 100 <= messages.size(); from += 100) {
			bodies.add(("{\"batch\":[" + String.join(",", messages.subList(from, from + 100)) + "]}")
				.getBytes(StandardCharsets.UTF_8));
		}
		return bodies;
	}

	private static void awaitUp(HttpClient http, String base, TurnoutProcess serve) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				HttpResponse<String> health = http.send(
						HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not up yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("serve did not come up; see " + serve.log());
	}

	private static long stored(HttpClient http, String base) throws Exception {
		return (long) metric(http, base, "turnout.events.stored");
	}

	/** Polls the stored-messages counter until it reaches the target. */
	private static void awaitStored(HttpClient http, String base, long target) throws Exception {
		while (stored(http, base) < target) {
			Thread.sleep(20);
		}
	}

	/**
	 * Waits until the last batches' restatements are done and the trigger publisher has
	 * had a round after them, so that they count in the figures.
	 */
	private static void awaitRestatedAndTriggered(HttpClient http, String base) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (metric(http, base, "turnout.derived.pending") > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Restatements still pending after 120 s");
			}
			Thread.sleep(100);
		}
		double triggers = metric(http, base, "turnout.carts.trigger.lag");
		double before;
		do {
			before = triggers;
			Thread.sleep(1_500);
			triggers = metric(http, base, "turnout.carts.trigger.lag");
		}
		while (triggers != before && System.nanoTime() < deadline);
	}

	private static double metric(HttpClient http, String base, String path) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create(base + "/actuator/metrics/" + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			return 0;
		}
		Matcher value = VALUE.matcher(response.body());
		return value.find() ? Double.parseDouble(value.group(1)) : 0;
	}

	private record Phase(int messages, double sentSeconds, double storedSeconds, double p50, double p99,
			double sessionsLagP99, double revenueLagP99, double triggerLagP99) {
	}

}
