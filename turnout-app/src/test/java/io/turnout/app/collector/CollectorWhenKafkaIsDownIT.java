package io.turnout.app.collector;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import io.turnout.app.testing.KafkaBroker;
import io.turnout.app.testing.RunningTurnout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * events.md: 503 with Retry-After when Kafka cannot take the write; nothing half-written
 * is acknowledged.
 */
class CollectorWhenKafkaIsDownIT {

	@TempDir
	Path home;

	@Test
	void answers503WithRetryAfterOnceTheBrokerIsGone() {
		KafkaBroker kafka = KafkaBroker.start();
		try (RunningTurnout turnout = RunningTurnout.serving(this.home, kafka.bootstrapServers(),
				Map.of("turnout.collector.send-timeout", "3s", "spring.kafka.producer.properties.max.block.ms", "2000",
						"spring.kafka.producer.properties.delivery.timeout.ms", "3000",
						"spring.kafka.producer.properties.request.timeout.ms", "1000",
						"spring.kafka.consumer.properties.default.api.timeout.ms", "2000"))) {
			assertThat(turnout.post("/v1/track", "{\"userId\":\"before\",\"event\":\"E\"}").statusCode())
				.isEqualTo(200);

			kafka.close();
			HttpResponse<String> response = turnout.post("/v1/batch",
					"{\"batch\":[{\"type\":\"track\",\"userId\":\"after\",\"event\":\"E\"}]}");

			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(response.body()).contains("\"success\":false", "\"code\":\"kafka_unavailable\"", "Retry");
		}
	}

}
