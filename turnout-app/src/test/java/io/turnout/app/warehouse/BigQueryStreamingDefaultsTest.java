package io.turnout.app.warehouse;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On BigQuery the events stream is merged on a schedule: the consumer gathers up to the
 * merge interval before each micro-batch, over the application's own defaults, under the
 * user's settings; other warehouses keep the short micro-batches.
 */
class BigQueryStreamingDefaultsTest {

	private static final String WAIT = BigQueryStreamingDefaults.CONSUMER + "fetch.max.wait.ms";

	private static final String RECORDS = BigQueryStreamingDefaults.CONSUMER + "max.poll.records";

	@Test
	void onBigQueryTheStreamGathersUpToTheMergeInterval() {
		StandardEnvironment environment = environment(
				Map.of("turnout.warehouse.type", "bigquery", "turnout.warehouse.bigquery.merge-interval", "20s"));

		assertThat(environment.getProperty(WAIT)).isEqualTo("20000");
		assertThat(environment.getProperty(RECORDS)).isEqualTo("200000");
		assertThat(environment.getProperty(BigQueryStreamingDefaults.CONSUMER + "request.timeout.ms"))
			.isEqualTo("50000");
	}

	@Test
	void theUsersOwnConsumerSettingsWin() {
		StandardEnvironment environment = environment(Map.of("turnout.warehouse.type", "bigquery", WAIT, "5000"));

		assertThat(environment.getProperty(WAIT)).isEqualTo("5000");
		assertThat(environment.getProperty(RECORDS)).isEqualTo("200000");
	}

	@Test
	void otherWarehousesKeepShortMicroBatches() {
		StandardEnvironment environment = environment(Map.of("turnout.warehouse.type", "snowflake"));

		assertThat(environment.getProperty(WAIT)).isEqualTo("100");
		assertThat(environment.getProperty(RECORDS)).isEqualTo("50000");
	}

	/** The application's configuration as Spring Boot loads it, under the user's. */
	private static StandardEnvironment environment(Map<String, Object> user) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("user", user));
		ConfigDataEnvironmentPostProcessor.applyTo(environment);
		new BigQueryStreamingDefaults().postProcessEnvironment(environment, null);
		return environment;
	}

}
