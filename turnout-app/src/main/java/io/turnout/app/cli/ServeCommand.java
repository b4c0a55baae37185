package io.turnout.app.cli;

import java.io.PrintStream;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code serve}: the collector, the lake sink, the streaming functions and the HTTP API,
 * until stopped.
 */
class ServeCommand implements Command {

	@Override
	public String name() {
		return "serve";
	}

	@Override
	public String help() {
		return """
				Usage: java -jar turnout.jar serve [--server.port=8080] [--property=value ...]

				Runs the collector (Segment HTTP API on server.port), the always-on lake sink and the
				streaming function of every use case whose mode is streaming, and the nightly jobs of the
				batch use cases after turnout.schedule.grace-until (02:00 UTC), until stopped (Ctrl-C).
				Without spring.kafka.bootstrap-servers an in-process Kafka broker is started.
				""";
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("turnout.collector.enabled", true, "turnout.lake.sink.enabled", true, "turnout.streaming.enabled",
				true, "turnout.kafka.embedded", true, "turnout.schedule.enabled", true);
	}

	@Override
	public boolean needsWebServer() {
		return true;
	}

	@Override
	public boolean keepsRunning() {
		return true;
	}

	@Override
	public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
		out.println("Turnout is serving on port " + context.getEnvironment().getProperty("local.server.port")
				+ ". Stop it with Ctrl-C.");
		return TurnoutCommandLine.OK;
	}

}
