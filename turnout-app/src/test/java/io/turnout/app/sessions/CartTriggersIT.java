package io.turnout.app.sessions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.turnout.app.testing.KafkaBroker;
import io.turnout.app.testing.RunningTurnout;
import io.turnout.carts.TriggerPublisher;
import io.turnout.usecases.DerivedRestater;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A trigger message per abandoned cart on turnout.campaign.triggers, none again after a
 * replay (#4).
 */
class CartTriggersIT {

	@TempDir
	Path home;

	@Test
	void anAbandonedCartIsTriggeredOnceAndAReplayPublishesNothingMore() {
		try (KafkaBroker kafka = KafkaBroker.start()) {
			RunningTurnout streaming = RunningTurnout.serving(this.home, kafka.bootstrapServers(),
					modes("turnout-events"));
			try {
				String batch = "{\"batch\":[" + String.join(",", SessionsJobIT.DAY.strip().split("\n")) + "]}";
				assertThat(streaming.post("/v1/batch", batch).statusCode()).isEqualTo(200);

				await().atMost(Duration.ofSeconds(60)).until(() -> triggers(kafka).size() == 1);
				ConsumerRecord<String, String> trigger = triggers(kafka).get(0);
				assertThat(streaming.query("SELECT session_id FROM marketing.cart_abandonments"))
					.containsExactly(List.of(trigger.key()));
				assertThat(trigger.value()).contains("\"type\":\"cart_abandoned\"", "\"customer_key\":\"anon:a9\"",
						"\"cart_value\":5.0000", "\"abandoned_at\":\"2026-03-02T12:31:00Z\"");
			}
			finally {
				streaming.close();
			}

			try (RunningTurnout replay = RunningTurnout.serving(this.home, kafka.bootstrapServers(),
					modes("turnout-events-replay"))) {
				DerivedRestater restater = replay.context().getBean(DerivedRestater.class);
				await().atMost(Duration.ofSeconds(60))
					.until(() -> kafka.lag("turnout-events-replay", "turnout.events.raw") == 0
							&& restater.pending() == 0);

				assertThat(replay.context().getBean(TriggerPublisher.class).publishDue()).isZero();
				assertThat(triggers(kafka)).hasSize(1);
			}
		}
	}

	private static Map<String, Object> modes(String group) {
		Map<String, Object> properties = new LinkedHashMap<>(RunningTurnout.everyUseCaseStreaming());
		properties.put("spring.cloud.stream.bindings.eventsStream-in-0.group", group);
		return properties;
	}

	private static List<ConsumerRecord<String, String>> triggers(KafkaBroker kafka) {
		return kafka.readAll("turnout.campaign.triggers");
	}

}
