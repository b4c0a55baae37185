package io.turnout.lake;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.turnout.json.Json;
import io.turnout.json.JsonException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The always-on lake sink: copies the raw topic, record for record, into
 * {@code <lake>/events/dt=YYYY-MM-DD/}. Offsets are committed only after the files
 * holding the records are published and on disk, so a crash re-reads, never skips. A
 * re-read may write a record twice into the lake; the events use case drops such
 * duplicates by event id and failure id.
 */
public class LakeSink implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LakeSink.class);

	private final Map<String, Object> consumerConfig;

	private final String topic;

	private final LakeLayout lake;

	private final LakeSinkProperties properties;

	private final AtomicBoolean running = new AtomicBoolean();

	private Thread thread;

	public LakeSink(Map<String, Object> kafkaConsumerProperties, String topic, LakeLayout lake,
			LakeSinkProperties properties) {
		Map<String, Object> config = new HashMap<>(kafkaConsumerProperties);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.group());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
		this.consumerConfig = config;
		this.topic = topic;
		this.lake = lake;
		this.properties = properties;
	}

	@Override
	public void start() {
		if (this.running.compareAndSet(false, true)) {
			this.thread = new Thread(this::run, "turnout-lake-sink");
			this.thread.start();
		}
	}

	@Override
	public void stop() {
		// No wakeup: the loop sees the flag within one poll, publishes what it holds and
		// commits.
		if (this.running.compareAndSet(true, false)) {
			try {
				this.thread.join(Duration.ofSeconds(30).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running.get();
	}

	private void run() {
		LakeFiles files = new LakeFiles(this.lake, this.properties.gzip());
		try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(this.consumerConfig)) {
			kafka.subscribe(List.of(this.topic), new PublishBeforeRevoke(kafka, files));
			long lastRoll = System.nanoTime();
			while (this.running.get()) {
				ConsumerRecords<String, String> records = kafka.poll(Duration.ofMillis(200));
				for (ConsumerRecord<String, String> record : records) {
					files.append(dayOf(record), record.partition(), record.offset(), record.value());
				}
				boolean due = System.nanoTime() - lastRoll >= this.properties.rollInterval().toNanos();
				if (!files.isEmpty() && (due || files.bytesSinceRoll() >= this.properties.rollBytes())) {
					publishAndCommit(kafka, files);
					lastRoll = System.nanoTime();
				}
				else if (files.isEmpty()) {
					lastRoll = System.nanoTime();
				}
			}
			publishAndCommit(kafka, files);
		}
		catch (IOException | RuntimeException ex) {
			log.error("The lake sink stopped: {}. Unpublished records will be read again from the last "
					+ "committed offsets when it restarts.", ex.toString(), ex);
			files.abandonAll();
			this.running.set(false);
		}
	}

	private static void publishAndCommit(KafkaConsumer<String, String> kafka, LakeFiles files) throws IOException {
		int published = files.publishAll();
		Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
		for (TopicPartition partition : kafka.assignment()) {
			positions.put(partition, new OffsetAndMetadata(kafka.position(partition)));
		}
		kafka.commitSync(positions);
		if (published > 0) {
			log.debug("lake sink published {} files and committed {}", published, positions);
		}
	}

	/**
	 * The lake day of a raw record: its event time's date, else receivedAt's, else the
	 * record's own time.
	 */
	private static LocalDate dayOf(ConsumerRecord<String, String> record) {
		try {
			return LakeLayout.dayOf(Json.parse(record.value()))
				.orElseGet(() -> LocalDate.ofInstant(Instant.ofEpochMilli(record.timestamp()), ZoneOffset.UTC));
		}
		catch (JsonException ex) {
			return LocalDate.ofInstant(Instant.ofEpochMilli(record.timestamp()), ZoneOffset.UTC);
		}
	}

	private static final class PublishBeforeRevoke implements ConsumerRebalanceListener {

		private final KafkaConsumer<String, String> kafka;

		private final LakeFiles files;

		PublishBeforeRevoke(KafkaConsumer<String, String> kafka, LakeFiles files) {
			this.kafka = kafka;
			this.files = files;
		}

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			try {
				publishAndCommit(this.kafka, this.files);
			}
			catch (IOException ex) {
				this.files.abandonAll();
				log.warn("Could not publish lake files before a rebalance; they will be read again: {}", ex.toString());
			}
		}

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
		}

	}

}
