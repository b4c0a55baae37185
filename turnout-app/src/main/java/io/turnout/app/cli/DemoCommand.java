package io.turnout.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.turnout.events.LakePartitions;
import io.turnout.jobs.NightlyJobs;
import io.turnout.jobs.NightlyJobs.JobRun;
import io.turnout.lake.LakeLayout;
import io.turnout.traffic.SyntheticTraffic;
import io.turnout.usecases.UseCase;
import io.turnout.warehouse.duckdb.DuckDbDatabase;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code demo}: a synthetic day of traffic sent through the collector over HTTP, copied
 * to the lake by the sink, loaded by the nightly events job, and summed up.
 */
final class DemoCommand implements Command {

	static final String DEMO_WRITE_KEY = "demo-write-key";

	private final Options options;

	private final LocalDate day;

	DemoCommand(Options options) {
		this.options = options;
		this.day = options.dateOr("date", LocalDate.now(Clock.systemUTC()).minusDays(1));
	}

	@Override
	public String name() {
		return "demo";
	}

	@Override
	public String help() {
		return """
				Usage: java -jar turnout.jar demo [--date=YYYY-MM-DD] [--visitors=2000] [--turnout.home=...]

				Generates a realistic day of synthetic traffic (campaign visits, clicks, cart adds,
				purchases, logins, resent messages and a few bad messages), sends it to the collector
				over HTTP, lets the lake sink write it, runs the nightly events job for every day it
				landed in, and prints what landed where. Each demo gets a fresh folder under
				${turnout.home}/demo-runs/ and an in-process Kafka broker.
				""";
	}

	@Override
	public void validate() {
		if (this.options.intOr("visitors", 2000) < 1) {
			throw new UsageException("--visitors must be at least 1.");
		}
	}

	@Override
	public Map<String, Object> properties() {
		String home = this.options.values().getOrDefault("turnout.home", "./turnout-data");
		String run = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		String runHome = home + "/demo-runs/" + run;
		return Map.of("turnout.lake.path", runHome + "/lake", "turnout.warehouse.duckdb.path",
				runHome + "/warehouse.duckdb", "turnout.collector.enabled", true, "turnout.lake.sink.enabled", true,
				"turnout.streaming.enabled", true, "turnout.kafka.embedded", true, "server.port", 0,
				"turnout.lake.sink.roll-interval", "1s", "logging.level.root", "warn", "logging.level.io.turnout",
				"info");
	}

	@Override
	public List<String> profiles() {
		return List.of("demo");
	}

	@Override
	public boolean needsWebServer() {
		return true;
	}

	@Override
	public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		List<String> messages = SyntheticTraffic.day(this.day, this.options.intOr("visitors", 2000),
				this.day.toEpochDay());
		out.printf("Sending %,d synthetic messages for %s to the collector on port %d ...%n", messages.size(), this.day,
				port);
		send(messages, port);
		LakeLayout lake = context.getBean(LakeLayout.class);
		awaitLake(lake, messages.size());
		NightlyJobs jobs = context.getBean(NightlyJobs.class);
		for (LocalDate landed : LakePartitions.days(lake)) {
			for (UseCase useCase : UseCase.values()) {
				JobRun run = jobs.run(useCase.code(), landed, true);
				out.println("job run " + useCase.code() + " --date=" + landed + ": " + run.message());
				if (run.outcome() == JobRun.Outcome.FAILED) {
					return TurnoutCommandLine.FAILED;
				}
			}
		}
		printSummary(context.getBean(DuckDbDatabase.class), messages.size(), lake, out);
		return TurnoutCommandLine.OK;
	}

	private static void send(List<String> messages, int port) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String auth = "Basic "
				+ Base64.getEncoder().encodeToString((DEMO_WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
		for (int from = 0; from < messages.size(); from += 100) {
			String batch = "{\"batch\":["
					+ String.join(",", messages.subList(from, Math.min(from + 100, messages.size())))
					+ "],\"sentAt\":\"" + java.time.Instant.now() + "\"}";
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/batch"))
				.header("Authorization", auth)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(batch))
				.build();
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					throw new IllegalStateException(
							"The collector answered " + response.statusCode() + ": " + response.body());
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
		}
	}

	private static void awaitLake(LakeLayout lake, int expectedLines) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (lakeLines(lake) < expectedLines) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The lake sink did not write all " + expectedLines
						+ " messages within 60 s; it has " + lakeLines(lake) + ".");
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
		}
	}

	private static long lakeLines(LakeLayout lake) {
		Path events = lake.partitions();
		if (!Files.isDirectory(events)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(events)) {
			return files.filter(Files::isRegularFile).filter(LakeLayout::isComplete).mapToLong(file -> {
				try (Stream<String> lines = Files.lines(file)) {
					return lines.count();
				}
				catch (IOException ex) {
					return 0;
				}
			}).sum();
		}
		catch (IOException | UncheckedIOException ex) {
			// The sink published a file while we walked the lake: counted at the next
			// look.
			return 0;
		}
	}

	private static void printSummary(DuckDbDatabase warehouse, int sent, LakeLayout lake, PrintStream out) {
		try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
			long events = count(statement, "marketing.events");
			long failed = count(statement, "marketing.failed_events");
			out.println();
			out.println("What landed where");
			out.printf("  sent to the collector      %,10d messages%n", sent);
			out.printf("  lake (%s) %,d lines%n", lake.partitions(), lakeLines(lake));
			out.printf("  events                     %,10d rows%n", events);
			out.printf("  duplicates dropped         %,10d%n", sent - events - failed);
			out.printf("  identity_links             %,10d rows%n", count(statement, "marketing.identity_links"));
			out.printf("  orders                     %,10d rows%n", count(statement, "marketing.orders"));
			out.printf("  failed_events              %,10d rows%n", failed);
			out.println();
			out.println("Events by kind");
			print(statement, "SELECT event_kind, count(*) FROM marketing.events GROUP BY 1 ORDER BY 2 DESC", out);
			out.println("Failed events by reason");
			print(statement, "SELECT reason, count(*) FROM marketing.failed_events GROUP BY 1 ORDER BY 2 DESC", out);
			out.println("Sessions by channel (sessions, orders, revenue, abandoned carts)");
			print(statement,
					"SELECT channel_group, count(*) || ', ' || sum(orders) || ', ' || sum(revenue) || ', ' "
							+ "|| count(*) FILTER (WHERE cart_abandoned) FROM marketing.sessions GROUP BY 1 ORDER BY 1",
					out);
			out.println("Revenue by channel, " + "as revenue_daily reports it (sessions, orders, revenue, customers, "
					+ "other-currency orders)");
			print(statement,
					"SELECT channel_group, sum(sessions) || ', ' || sum(orders) || ', ' || sum(revenue) || ', ' "
							+ "|| sum(customers) || ', ' || sum(orders_other_currency) FROM marketing.revenue_daily "
							+ "GROUP BY 1 ORDER BY sum(revenue) DESC",
					out);
			out.println("Attributed revenue by channel and model (first, last, linear, position, time decay)");
			print(statement, "SELECT channel_group, "
					+ "string_agg(CAST(round(revenue, 0) AS BIGINT), ' / ' ORDER BY model_order) FROM ("
					+ "SELECT channel_group, model, CASE model WHEN 'first_touch' THEN 1 WHEN 'last_touch' THEN 2 "
					+ "WHEN 'linear' THEN 3 WHEN 'position_based' THEN 4 ELSE 5 END AS model_order, "
					+ "sum(revenue_credit) AS revenue FROM marketing.attribution WHERE currency = 'USD' "
					+ "GROUP BY 1, 2) GROUP BY 1 ORDER BY 1", out);
			out.println("Abandoned carts");
			print(statement, "SELECT count(*) || ' carts', 'value ' || coalesce(sum(cart_value), 0) "
					+ "FROM marketing.cart_abandonments", out);
			out.println("Orders by currency");
			print(statement, "SELECT currency, count(*) || ' orders, revenue ' || sum(revenue) FROM marketing.orders "
					+ "GROUP BY 1 ORDER BY 1", out);
			out.println();
			out.println("The warehouse is " + warehouse.file() + " (open it with DuckDB once this process ends).");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Reading the summary failed: " + ex.getMessage(), ex);
		}
	}

	private static long count(Statement statement, String table) throws SQLException {
		try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void print(Statement statement, String sql, PrintStream out) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				rows.add(String.format("  %-26s %s", rs.getString(1), rs.getString(2)));
			}
		}
		rows.forEach(out::println);
	}

}
