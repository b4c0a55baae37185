package io.turnout.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.turnout.app.testing.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code serve} keeps serving until it is stopped, then exits 0. */
class ServeCommandIT {

	@TempDir
	Path home;

	@Test
	void serveRunsUntilStopped() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TurnoutCommandLine commandLine = new TurnoutCommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
				System.err);
		try (KafkaBroker kafka = KafkaBroker.start()) {
			CompletableFuture<Integer> serve = CompletableFuture.supplyAsync(
					() -> commandLine.run(new String[] { "serve", "--server.port=0", "--turnout.home=" + this.home,
							"--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers() }));
			Pattern serving = Pattern.compile("serving on port (\\d+)");
			await().atMost(Duration.ofSeconds(60)).until(() -> serving.matcher(out.toString()).find());
			Matcher port = serving.matcher(out.toString());
			assertThat(port.find()).isTrue();

			HttpResponse<String> health = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/actuator/health"))
					.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(serve).isNotDone();
			commandLine.stop();
			assertThat(serve.get()).isZero();
		}
	}

}
