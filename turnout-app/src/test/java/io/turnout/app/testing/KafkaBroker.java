package io.turnout.app.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The in-process KRaft broker of spring-kafka-test, and the lag questions tests ask it.
 */
public final class KafkaBroker implements AutoCloseable {

	private final EmbeddedKafkaKraftBroker broker;

	private KafkaBroker(EmbeddedKafkaKraftBroker broker) {
		this.broker = broker;
	}

	public static KafkaBroker start() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
		broker.afterPropertiesSet();
		return new KafkaBroker(broker);
	}

	public String bootstrapServers() {
		return this.broker.getBrokersAsString();
	}

	/**
	 * How many records of the topic the group has not committed yet (all of them for an
	 * unknown group).
	 */
	public long lag(String group, String topic) {
		return this.broker.doWithAdminFunction(admin -> {
			try {
				Set<TopicPartition> partitions = admin.describeTopics(Set.of(topic))
					.allTopicNames()
					.get()
					.get(topic)
					.partitions()
					.stream()
					.map(p -> new TopicPartition(topic, p.partition()))
					.collect(Collectors.toSet());
				Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
					.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
					.all()
					.get();
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get();
				long lag = 0;
				for (TopicPartition partition : partitions) {
					OffsetAndMetadata offset = committed.get(partition);
					lag += ends.get(partition).offset() - ((offset != null) ? offset.offset() : 0);
				}
				return lag;
			}
			catch (Exception ex) {
				return Long.MAX_VALUE;
			}
		});
	}

	/** Everything on a topic right now, read with a fresh consumer group. */
	public List<ConsumerRecord<String, String>> readAll(String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
			consumer.subscribe(List.of(topic));
			int emptyPolls = 0;
			while (emptyPolls < 3) {
				ConsumerRecords<String, String> polled = consumer.poll(Duration.ofMillis(500));
				if (polled.isEmpty() && !consumer.assignment().isEmpty()) {
					emptyPolls++;
				}
				polled.forEach(records::add);
			}
		}
		return records;
	}

	@Override
	public void close() {
		this.broker.destroy();
	}

}
