package io.turnout.warehouse.bigquery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

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

	/** Answers given to the next job insertions instead of success: status and body. */
	private final Deque<Answer> failures = new ArrayDeque<>();

	private volatile long dryRunBytes = 1_000;

	private volatile long affectedRows = 7;

	FakeBigQueryServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
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
			}
			boolean dryRun = body.contains("\"dryRun\":true");
			String id = jobIdOf(body);
			if (failure == null && !dryRun) {
				this.jobs.add(id);
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
		else if (method.equals("GET") && path.contains("/queries/")) {
			String id = path.substring(path.lastIndexOf('/') + 1);
			answer = new Answer(200,
					"{\"kind\":\"bigquery#getQueryResultsResponse\",\"jobComplete\":true,"
							+ "\"jobReference\":{\"projectId\":\"acme\",\"jobId\":\"" + id + "\",\"location\":\"EU\"},"
							+ "\"totalRows\":\"0\",\"numDmlAffectedRows\":\"" + this.affectedRows
							+ "\",\"schema\":{\"fields\":[]}}");
		}
		else {
			answer = new Answer(404, "{\"error\":{\"code\":404,\"message\":\"Not found: " + path + "\"}}");
		}
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
		exchange.sendResponseHeaders(answer.status(), bytes.length);
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
		return "{\"kind\":\"bigquery#job\",\"id\":\"acme:EU." + id + "\",\"jobReference\":{\"projectId\":\"acme\","
				+ "\"jobId\":\"" + id + "\",\"location\":\"EU\"},\"configuration\":{\"jobType\":\"QUERY\",\"query\":"
				+ "{\"query\":\"\"}},\"status\":{\"state\":\"DONE\"},\"statistics\":" + statistics + "}";
	}

	private static String jobIdOf(String body) {
		Matcher matcher = JOB_ID.matcher(body);
		return matcher.find() ? matcher.group(1) : "dry_run";
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
