package io.turnout.app.collector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads everything on the raw topic right now, with a fresh consumer group. */
final class RawTopicReader {

	private RawTopicReader() {
	}

	static List<ConsumerRecord<String, String>> readAll(String bootstrapServers) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
			consumer.subscribe(List.of("turnout.events.raw"));
			int emptyPolls = 0;
			while (emptyPolls < 3) {
				var polled = consumer.poll(Duration.ofMillis(500));
				if (polled.isEmpty() && !consumer.assignment().isEmpty()) {
					emptyPolls++;
				}
				polled.forEach(records::add);
			}
		}
		return records;
	}

}
