package io.turnout.events;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.core.KafkaAdmin;

/**
 * The consumer group of the events function on the raw topic: its lag, and the seek of a
 * hand-over (migration.md: on a switch to streaming, the group starts again at the
 * offsets of the first day the nightly job did not complete, minus the allowed lateness).
 */
public class EventsConsumerGroup {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** How long reading the lag may take. */
	static final Duration LAG_TIMEOUT = Duration.ofSeconds(3);

	private final KafkaAdmin kafka;

	private final String topic;

	private final String group;

	public EventsConsumerGroup(KafkaAdmin kafka, String topic, String group) {
		this.kafka = kafka;
		this.topic = topic;
		this.group = group;
	}

	public String group() {
		return this.group;
	}

	/**
	 * Messages on the topic the group has not committed yet; empty when unknown, after at
	 * most {@link #LAG_TIMEOUT} when the brokers do not answer (a state page must not
	 * hang on an unreachable cluster).
	 */
	public OptionalLong lag() {
		Map<String, Object> configuration = new HashMap<>(this.kafka.getConfigurationProperties());
		configuration.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) LAG_TIMEOUT.toMillis());
		configuration.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) LAG_TIMEOUT.toMillis());
		Admin admin = Admin.create(configuration);
		try {
			Map<TopicPartition, OffsetAndMetadata> committed = get(
					admin.listConsumerGroupOffsets(this.group).partitionsToOffsetAndMetadata());
			Map<TopicPartition, ListOffsetsResultInfo> ends = get(
					admin.listOffsets(specs(admin, OffsetSpec.latest())).all());
			long lag = 0;
			for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
				OffsetAndMetadata done = committed.get(end.getKey());
				lag += end.getValue().offset() - ((done != null) ? done.offset() : 0);
			}
			return OptionalLong.of(lag);
		}
		catch (RuntimeException | ExecutionException | TimeoutException ex) {
			return OptionalLong.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return OptionalLong.empty();
		}
		finally {
			admin.close(Duration.ZERO);
		}
	}

	/**
	 * Moves the group's committed offsets to the first record received at or after a time
	 * (Kafka's offsets-for-times), or to the end of a partition that has none. The group
	 * must have no running member: the function's binding is stopped first.
	 * @return the offsets set, by partition
	 */
	public Map<TopicPartition, Long> seekTo(Instant time) {
		try (Admin admin = Admin.create(this.kafka.getConfigurationProperties())) {
			Map<TopicPartition, ListOffsetsResultInfo> atTime = get(
					admin.listOffsets(specs(admin, OffsetSpec.forTimestamp(time.toEpochMilli()))).all());
			Map<TopicPartition, ListOffsetsResultInfo> ends = get(
					admin.listOffsets(specs(admin, OffsetSpec.latest())).all());
			Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
			Map<TopicPartition, Long> set = new HashMap<>();
			atTime.forEach((partition, info) -> {
				long offset = (info.offset() >= 0) ? info.offset() : ends.get(partition).offset();
				offsets.put(partition, new OffsetAndMetadata(offset, "hand-over to " + time));
				set.put(partition, offset);
			});
			get(admin.alterConsumerGroupOffsets(this.group, offsets).all());
			return set;
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot move the consumer group " + this.group + " on " + this.topic
					+ " to " + time + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while moving the consumer group " + this.group, ex);
		}
	}

	private Map<TopicPartition, OffsetSpec> specs(Admin admin, OffsetSpec spec)
			throws ExecutionException, InterruptedException, TimeoutException {
		TopicDescription description = get(admin.describeTopics(List.of(this.topic)).allTopicNames()).get(this.topic);
		Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
		description.partitions()
			.forEach(partition -> specs.put(new TopicPartition(this.topic, partition.partition()), spec));
		return specs;
	}

	private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future)
			throws ExecutionException, InterruptedException, TimeoutException {
		return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
	}

}
