package io.turnout.app.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.turnout.app.TurnoutApplication;
import io.turnout.jobs.NightlyJobs;
import io.turnout.jobs.NightlyJobs.JobRun;
import io.turnout.usecases.UseCase;
import io.turnout.warehouse.duckdb.DuckDbDatabase;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real Turnout application started for a test, as the command line starts it: the
 * collector, lake sink and streaming function on ({@link #serving}) or off
 * ({@link #jobsOnly}), with its own {@code turnout.home}.
 */
public final class RunningTurnout implements AutoCloseable {

	public static final String WRITE_KEY = "test-write-key";

	public static final String EVENT_TABLES_ORDER = """
			events:ORDER BY event_id
			identity_links:ORDER BY event_id
			orders:ORDER BY order_id
			failed_events:ORDER BY failure_id""";

	private final ConfigurableApplicationContext context;

	private final Path home;

	private RunningTurnout(ConfigurableApplicationContext context, Path home) {
		this.context = context;
		this.home = home;
	}

	/** Collector, lake sink and streaming functions against an external (test) broker. */
	public static RunningTurnout serving(Path home, String bootstrapServers, Map<String, Object> extra) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("turnout.collector.enabled", true);
		properties.put("turnout.lake.sink.enabled", true);
		properties.put("turnout.streaming.enabled", true);
		properties.put("turnout.collector.sources.test.write-key", WRITE_KEY);
		properties.put("turnout.lake.sink.roll-interval", "300ms");
		properties.put("turnout.streaming.mode-check-interval", "200ms");
		properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
		properties.put("server.port", 0);
		properties.putAll(extra);
		return start(home, properties, WebApplicationType.SERVLET);
	}

	/** No HTTP and no Kafka: what {@code job run} starts. */
	public static RunningTurnout jobsOnly(Path home, Map<String, Object> extra, Class<?>... testConfigurations) {
		return start(home, new LinkedHashMap<>(extra), WebApplicationType.NONE, testConfigurations);
	}

	private static RunningTurnout start(Path home, Map<String, Object> properties, WebApplicationType web,
			Class<?>... testConfigurations) {
		Map<String, Object> all = new HashMap<>();
		all.put("turnout.home", home.toString());
		all.put("spring.datasource.url",
				"jdbc:h2:file:" + home.toAbsolutePath().resolve("control") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
		all.putAll(properties);
		List<String> args = new ArrayList<>();
		all.forEach((name, value) -> args.add("--" + name + "=" + value));
		List<Class<?>> sources = new ArrayList<>(List.of(TurnoutApplication.class));
		sources.addAll(List.of(testConfigurations));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).web(web)
			.run(args.toArray(String[]::new));
		return new RunningTurnout(context, home);
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	public Path home() {
		return this.home;
	}

	public int port() {
		return this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	public JobRun runJob(String useCase, LocalDate day, boolean rerun) {
		return this.context.getBean(NightlyJobs.class).run(useCase, day, rerun);
	}

	/**
	 * Every nightly job, in dependency order, for each of these days (each use case over
	 * all days first).
	 */
	public List<JobRun> runNightlyChain(List<LocalDate> days) {
		List<JobRun> runs = new ArrayList<>();
		for (UseCase useCase : UseCase.values()) {
			for (LocalDate day : days) {
				runs.add(runJob(useCase.code(), day, false));
			}
		}
		return runs;
	}

	/**
	 * Properties that put every use case in streaming mode, restating stale days every
	 * 200 ms.
	 */
	public static Map<String, Object> everyUseCaseStreaming() {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (UseCase useCase : UseCase.values()) {
			properties.put("turnout.use-cases." + useCase.code() + ".mode", "streaming");
		}
		properties.put("turnout.streaming.restate-interval", "200ms");
		return properties;
	}

	public JobRun recoverJob(String useCase, LocalDate day) {
		return this.context.getBean(NightlyJobs.class).run(useCase, day, false, true);
	}

	/** POSTs a body to the collector with the test write key as Basic user name. */
	public HttpResponse<String> post(String path, String body) {
		return post(path, body, Map.of("Authorization", basic(WRITE_KEY), "Content-Type", "application/json"));
	}

	public HttpResponse<String> post(String path, String body, Map<String, String> headers) {
		return post(path, HttpRequest.BodyPublishers.ofString(body), headers);
	}

	public HttpResponse<String> post(String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
		return send("POST", path, body, headers);
	}

	/** Calls the admin API: a method, a path, a JSON body or null, and headers. */
	public HttpResponse<String> admin(String method, String path, String body, Map<String, String> headers) {
		Map<String, String> json = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
		json.putAll(headers);
		return send(method, path,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody(), json);
	}

	private HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body,
			Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
			.method(method, body);
		headers.forEach(request::header);
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":").getBytes(StandardCharsets.UTF_8));
	}

	public long count(String table) {
		return Long.parseLong(query("SELECT count(*) FROM marketing." + table).get(0).get(0));
	}

	/** Rows of a warehouse query, each as a list of column texts. */
	public List<List<String>> query(String sql) {
		try (Connection connection = this.context.getBean(DuckDbDatabase.class).connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			ResultSetMetaData meta = rs.getMetaData();
			List<List<String>> rows = new ArrayList<>();
			while (rs.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					row.add(rs.getString(i));
				}
				rows.add(row);
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The events use case's four tables, whole, in key order, without received_at (a
	 * column that records processing time and is excluded from parity).
	 */
	public Map<String, List<List<String>>> eventTables() {
		Map<String, List<List<String>>> tables = new LinkedHashMap<>();
		for (String line : EVENT_TABLES_ORDER.split("\n")) {
			String[] parts = line.split(":");
			String columns = parts[0].equals("identity_links") || parts[0].equals("orders") ? "*"
					: "* EXCLUDE (received_at)";
			tables.put(parts[0], query("SELECT " + columns + " FROM marketing." + parts[0] + " " + parts[1]));
		}
		return tables;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
