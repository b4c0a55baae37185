package io.turnout.app.sessions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.turnout.app.testing.KafkaBroker;
import io.turnout.app.testing.RunningTurnout;
import io.turnout.carts.TriggerPublisher;
import io.turnout.usecases.DerivedRestater;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String useCase : List.of("events", "sessions", "attribution", "revenue-daily", "cart-abandonment")) {
			properties.put("turnout.use-cases." + useCase + ".mode", "streaming");
		}
		properties.put("turnout.streaming.restate-interval", "200ms");
		properties.put("spring.cloud.stream.bindings.eventsStream-in-0.group", group);
		return properties;
	}

	private static List<ConsumerRecord<String, String>> triggers(KafkaBroker kafka) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
			consumer.subscribe(List.of("turnout.campaign.triggers"));
			int emptyPolls = 0;
			while (emptyPolls < 3) {
				var polled = consumer.poll(Duration.ofMillis(300));
				if (polled.isEmpty() && !consumer.assignment().isEmpty()) {
					emptyPolls++;
				}
				polled.forEach(records::add);
			}
		}
		return records;
	}

}
