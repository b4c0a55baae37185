package io.turnout.warehouse.bigquery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.google.api.gax.retrying.RetrySettings;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.threeten.bp.Duration;

/**
 * A local HTTP server that answers like the BigQuery REST API for query jobs
 * ({@code jobs.insert}, {@code jobs.get}, {@code jobs.getQueryResults}) and records every
 * request, so that tests see what the real client sends.
 */
final class FakeBigQueryServer implements AutoCloseable {

	private static final Pattern JOB_ID = Pattern.compile("\"jobId\"\\s*:\\s*\"([^\"]+)\"");

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Set<String> jobs = ConcurrentHashMap.newKeySet();

	private final List<String> uploaded = new CopyOnWriteArrayList<>();

	private static final Pattern QUERY = Pattern.compile("\"query\":\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"");

	private final Map<String, String> queries = Collections.synchronizedMap(new LinkedHashMap<>());

	private final List<String[]> history = new CopyOnWriteArrayList<>();

	/** Answers given to the next job insertions instead of success: status and body. */
	private final Deque<Answer> failures = new ArrayDeque<>();

	/** The session each session-creating job started. */
	private final Map<String, String> sessions = new ConcurrentHashMap<>();

	/**
	 * An answer for the first insertion of a job whose query starts so, instead of
	 * success.
	 */
	private volatile String failingQuery;

	private volatile Answer failingAnswer;

	private volatile long dryRunBytes = 1_000;

	private volatile long affectedRows = 7;

	FakeBigQueryServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/** The client library's retries, quick enough for tests. */
	static RetrySettings quickRetries(int attempts) {
		return RetrySettings.newBuilder()
			.setMaxAttempts(attempts)
			.setInitialRetryDelay(Duration.ofMillis(10))
			.setMaxRetryDelay(Duration.ofMillis(50))
			.setRetryDelayMultiplier(2.0)
			.setTotalTimeout(Duration.ofSeconds(30))
			.build();
	}

	String host() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	List<Request> requests() {
		return List.copyOf(this.requests);
	}

	void estimateBytes(long bytes) {
		this.dryRunBytes = bytes;
	}

	synchronized void failNextInsert(int status, String body) {
		this.failures.add(new Answer(status, body));
	}

	/** Refuses the first job insertion (its dry run, if any) whose query starts so. */
	synchronized void failQueryStartingWith(String start, int status, String body) {
		this.failingQuery = start;
		this.failingAnswer = new Answer(status, body);
	}

	private void handle(HttpExchange exchange) throws IOException {
		InputStream in = exchange.getRequestBody();
		if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
			in = new GZIPInputStream(in);
		}
		String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getPath();
		this.requests.add(new Request(method, path, exchange.getRequestURI().getQuery(), body));
		Answer answer;
		if (method.equals("POST") && path.startsWith("/upload/") && path.endsWith("/jobs")) {
			// A resumable upload of a load job: the session URL comes back in Location.
			String id = jobIdOf(body);
			exchange.getResponseHeaders().add("Location", host() + "/upload/session/" + id);
			answer = new Answer(200, "");
		}
		else if (method.equals("PUT") && path.startsWith("/upload/session/")) {
			String id = path.substring(path.lastIndexOf('/') + 1);
			this.uploaded.add(body);
			this.jobs.add(id);
			answer = new Answer(200, loadJob(id));
		}
		else if (method.equals("POST") && path.endsWith("/jobs")) {
			Answer failure;
			synchronized (this) {
				failure = this.failures.poll();
				Matcher query = QUERY.matcher(body);
				if (failure == null && this.failingQuery != null && query.find()
						&& query.group(1).replace("\\\"", "\"").startsWith(this.failingQuery)) {
					failure = this.failingAnswer;
					this.failingQuery = null;
				}
			}
			boolean dryRun = body.contains("\"dryRun\":true");
			String id = jobIdOf(body);
			if (failure == null && !dryRun) {
				this.jobs.add(id);
				if (body.contains("\"createSession\":true")) {
					this.sessions.put(id, "session_" + UUID.randomUUID().toString().replace("-", ""));
				}
				run(id, body);
			}
			answer = (failure != null) ? failure : new Answer(200, job(id, dryRun));
		}
		else if (method.equals("GET") && path.contains("/jobs/")) {
			// Dry runs and refused insertions leave no job behind, as in BigQuery.
			String id = path.substring(path.lastIndexOf('/') + 1);
			answer = this.jobs.contains(id)
					? new Answer(200, id.startsWith("turnout_load_") ? loadJob(id) : job(id, false))
					: new Answer(404, "{\"error\":{\"code\":404,\"message\":\"Not found: Job acme:EU." + id
							+ "\",\"errors\":[{\"reason\":\"notFound\",\"message\":\"Not found: Job\"}]}}");
		}
		else if (method.equals("GET") && path.contains("/datasets/_anon/tables/anon_")) {
			// The rows of a query's anonymous results table (tabledata.list).
			String id = path.substring(path.indexOf("/anon_") + "/anon_".length(), path.lastIndexOf("/data"));
			answer = new Answer(200,
					this.queries.getOrDefault(id, "").startsWith("SELECT version")
							? "{\"kind\":\"bigquery#tableDataList\",\"totalRows\":\"" + this.history.size()
									+ "\",\"rows\":[" + rowsOf(this.history) + "]}"
							: "{\"kind\":\"bigquery#tableDataList\",\"totalRows\":\"0\"}");
		}
		else if (method.equals("GET") && path.contains("/queries/")
				&& this.queries.getOrDefault(path.substring(path.lastIndexOf('/') + 1), "")
					.startsWith("SELECT version")) {
			answer = new Answer(200, historyRows(path.substring(path.lastIndexOf('/') + 1)));
		}
		else if (method.equals("GET") && path.contains("/queries/")) {
			String id = path.substring(path.lastIndexOf('/') + 1);
			answer = new Answer(200,
					"{\"kind\":\"bigquery#getQueryResultsResponse\",\"jobComplete\":true,"
							+ "\"jobReference\":{\"projectId\":\"acme\",\"jobId\":\"" + id + "\",\"location\":\"EU\"},"
							+ "\"totalRows\":\"0\",\"numDmlAffectedRows\":\"" + this.affectedRows
							+ "\",\"schema\":{\"fields\":[]}}");
		}
		else if (method.equals("POST") && path.endsWith("/tables")) {
			// tables.insert: the table as created is the table as asked for.
			answer = new Answer(200, "{\"kind\":\"bigquery#table\",\"type\":\"TABLE\"," + body.substring(1));
		}
		else if (method.equals("DELETE") && path.contains("/tables/")) {
			answer = new Answer(204, "");
		}
		else {
			answer = new Answer(404, "{\"error\":{\"code\":404,\"message\":\"Not found: " + path + "\"}}");
		}
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
		exchange.sendResponseHeaders(answer.status(), (bytes.length == 0) ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static String loadJob(String id) {
		return "{\"kind\":\"bigquery#job\",\"id\":\"acme:EU." + id + "\",\"jobReference\":{\"projectId\":\"acme\","
				+ "\"jobId\":\"" + id
				+ "\",\"location\":\"EU\"},\"configuration\":{\"jobType\":\"LOAD\",\"load\":{\"destinationTable\":"
				+ "{\"projectId\":\"acme\",\"datasetId\":\"marketing\",\"tableId\":\"stage\"}}},"
				+ "\"status\":{\"state\":\"DONE\"},\"statistics\":{\"load\":{\"outputRows\":\"2\"}}}";
	}

	/**
	 * What a query job does to the one table this server keeps, the schema history: an
	 * INSERT adds its row.
	 */
	private void run(String id, String body) {
		Matcher query = QUERY.matcher(body);
		String sql = query.find() ? query.group(1).replace("\\\"", "\"") : "";
		this.queries.put(id, sql);
		if (sql.startsWith("INSERT INTO `marketing.turnout_schema_history`")) {
			this.history.add(new String[] { parameter(body, "version"), parameter(body, "checksum") });
		}
	}

	private static String parameter(String body, String name) {
		Matcher value = Pattern
			.compile("\"name\":\"" + name
					+ "\",\"parameterType\":\\{[^}]*\\},\"parameterValue\":\\{\"value\":\"([^\"]*)\"")
			.matcher(body);
		return value.find() ? value.group(1) : null;
	}

	private static String rowsOf(List<String[]> history) {
		StringBuilder rows = new StringBuilder();
		for (String[] row : history) {
			rows.append(rows.isEmpty() ? "" : ",")
				.append("{\"f\":[{\"v\":\"")
				.append(row[0])
				.append("\"},{\"v\":\"")
				.append(row[1])
				.append("\"}]}");
		}
		return rows.toString();
	}

	private String historyRows(String id) {
		String rows = rowsOf(this.history);
		return "{\"kind\":\"bigquery#getQueryResultsResponse\",\"jobComplete\":true,\"jobReference\":{\"projectId\":"
				+ "\"acme\",\"jobId\":\"" + id + "\",\"location\":\"EU\"},\"totalRows\":\"" + this.history.size()
				+ "\",\"schema\":{\"fields\":[{\"name\":\"version\",\"type\":\"INTEGER\",\"mode\":\"REQUIRED\"},"
				+ "{\"name\":\"checksum\",\"type\":\"STRING\",\"mode\":\"REQUIRED\"}]},\"rows\":[" + rows + "]}";
	}

	/** Changes the checksum recorded for a version, as if its file had changed since. */
	void tamperWithHistory(String version, String checksum) {
		this.history.replaceAll(row -> row[0].equals(version) ? new String[] { version, checksum } : row);
	}

	/** The sessions started, in no order. */
	List<String> sessionsStarted() {
		return List.copyOf(this.sessions.values());
	}

	/** The query texts of the jobs run, in order. */
	List<String> queriesRun() {
		return List.copyOf(this.queries.values());
	}

	/** The bodies uploaded by load jobs. */
	List<String> uploaded() {
		return List.copyOf(this.uploaded);
	}

	private String job(String id, boolean dryRun) {
		String statistics = dryRun
				? "{\"totalBytesProcessed\":\"" + this.dryRunBytes + "\",\"query\":{\"totalBytesProcessed\":\""
						+ this.dryRunBytes + "\",\"statementType\":\"MERGE\"}}"
				: "{\"totalBytesProcessed\":\"" + this.dryRunBytes + "\",\"query\":{\"totalBytesProcessed\":\""
						+ this.dryRunBytes + "\",\"totalBytesBilled\":\"" + this.dryRunBytes
						+ "\",\"statementType\":\"MERGE\",\"numDmlAffectedRows\":\"" + this.affectedRows + "\"}}";
		String session = this.sessions.get(id);
		if (session != null) {
			statistics = statistics.substring(0, statistics.length() - 1) + ",\"sessionInfo\":{\"sessionId\":\""
					+ session + "\"}}";
		}
		return "{\"kind\":\"bigquery#job\",\"id\":\"acme:EU." + id + "\",\"jobReference\":{\"projectId\":\"acme\","
				+ "\"jobId\":\"" + id + "\",\"location\":\"EU\"},\"configuration\":{\"jobType\":\"QUERY\",\"query\":"
				+ "{\"query\":\"\",\"destinationTable\":{\"projectId\":\"acme\",\"datasetId\":\"_anon\",\"tableId\":\"anon_"
				+ id + "\"}}},\"status\":{\"state\":\"DONE\"},\"statistics\":" + statistics + "}";
	}

	private static String jobIdOf(String body) {
		Matcher matcher = JOB_ID.matcher(body);
		// BigQuery names a job the client did not name.
		return matcher.find() ? matcher.group(1) : "job_" + UUID.randomUUID().toString().replace("-", "");
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Request(String method, String path, String query, String body) {
	}

	private record Answer(int status, String body) {
	}

}
