package io.turnout.app.warehouse;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * On BigQuery, the events stream is merged on a schedule: its Kafka consumer waits for up
 * to {@code turnout.warehouse.bigquery.merge-interval} (30 s) or 64 MB of messages before
 * handing a micro-batch to the use case, so that each merge (one session of about 25
 * query jobs) carries many messages. Offsets are still committed only after the
 * micro-batch is stored, so a crash loses nothing. These defaults sit just above the
 * application's own {@code application.yml}: any setting of the user's wins.
 */
public class BigQueryStreamingDefaults implements EnvironmentPostProcessor {

	static final String CONSUMER = "spring.cloud.stream.kafka.bindings.eventsStream-in-0.consumer.configuration.";

	private static final int BATCH_BYTES = 64 * 1024 * 1024;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!"bigquery".equalsIgnoreCase(environment.getProperty("turnout.warehouse.type", ""))) {
			return;
		}
		Duration interval = DurationStyle
			.detectAndParse(environment.getProperty("turnout.warehouse.bigquery.merge-interval", "30s"));
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put(CONSUMER + "fetch.max.wait.ms", interval.toMillis());
		defaults.put(CONSUMER + "fetch.min.bytes", BATCH_BYTES);
		defaults.put(CONSUMER + "fetch.max.bytes", BATCH_BYTES);
		defaults.put(CONSUMER + "max.partition.fetch.bytes", BATCH_BYTES);
		defaults.put(CONSUMER + "max.poll.records", 200_000);
		defaults.put(CONSUMER + "request.timeout.ms", interval.plusSeconds(30).toMillis());
		defaults.put(CONSUMER + "max.poll.interval.ms", Math.max(600_000, interval.multipliedBy(10).toMillis()));
		MapPropertySource source = new MapPropertySource("turnoutBigQueryStreaming", defaults);
		String applicationYml = null;
		for (PropertySource<?> candidate : environment.getPropertySources()) {
			if (candidate.getName().contains("class path resource [application.yml]")) {
				applicationYml = candidate.getName();
			}
		}
		if (applicationYml != null) {
			environment.getPropertySources().addBefore(applicationYml, source);
		}
		else {
			environment.getPropertySources().addLast(source);
		}
	}

}
