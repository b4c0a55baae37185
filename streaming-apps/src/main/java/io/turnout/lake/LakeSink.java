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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

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

	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private final Map<String, Object> consumerConfig;

	private final String topic;

	private final LakeLayout lake;

	private final LakeSinkProperties properties;

	private final AtomicBoolean running = new AtomicBoolean();

	private final AtomicInteger failures = new AtomicInteger();

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

	/** How many times the sink failed and resumed since it started. */
	public int failures() {
		return this.failures.get();
	}

	@Override
	public boolean isRunning() {
		return this.running.get();
	}

	/**
	 * Always on: after a failure (a full disk, a lost broker) it resumes from the
	 * committed offsets.
	 */
	private void run() {
		while (this.running.get()) {
			if (!consume()) {
				LockSupport.parkNanos(RETRY_AFTER.toNanos());
			}
		}
	}

	/** Copies records until stopped (true) or until something fails (false). */
	private boolean consume() {
		LakeFiles files = new LakeFiles(this.lake, this.properties.gzip());
		// The offsets to commit: only of records written to files not yet abandoned.
		Map<TopicPartition, OffsetAndMetadata> written = new HashMap<>();
		try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(this.consumerConfig)) {
			try {
				kafka.subscribe(List.of(this.topic), new PublishBeforeRevoke(kafka, files, written));
				long lastRoll = System.nanoTime();
				while (this.running.get()) {
					ConsumerRecords<String, String> records = kafka.poll(Duration.ofMillis(200));
					for (ConsumerRecord<String, String> record : records) {
						files.append(dayOf(record), record.partition(), record.offset(), record.value());
						written.put(new TopicPartition(record.topic(), record.partition()),
								new OffsetAndMetadata(record.offset() + 1));
					}
					boolean due = System.nanoTime() - lastRoll >= this.properties.rollInterval().toNanos();
					if (!files.isEmpty() && (due || files.bytesSinceRoll() >= this.properties.rollBytes())) {
						publishAndCommit(kafka, files, written);
						lastRoll = System.nanoTime();
					}
					else if (files.isEmpty()) {
						lastRoll = System.nanoTime();
					}
				}
				publishAndCommit(kafka, files, written);
				return true;
			}
			catch (IOException | RuntimeException ex) {
				// Forget what was written but not published before the consumer closes
				// (closing
				// revokes its partitions, and the revoke must then commit nothing).
				files.abandonAll();
				written.clear();
				this.failures.incrementAndGet();
				log.error("The lake sink failed: {}. It resumes in {} s from the last committed offsets; "
						+ "nothing unpublished is lost.", ex.toString(), RETRY_AFTER.toSeconds(), ex);
				return false;
			}
		}
		catch (RuntimeException ex) {
			log.warn("Closing the lake sink's consumer failed: {}", ex.toString());
			return false;
		}
	}

	/** Publishes every open file, then commits the offsets of the records they hold. */
	private static void publishAndCommit(KafkaConsumer<String, String> kafka, LakeFiles files,
			Map<TopicPartition, OffsetAndMetadata> written) throws IOException {
		int published = files.publishAll();
		if (!written.isEmpty()) {
			kafka.commitSync(written);
			log.debug("lake sink published {} files and committed {}", published, written);
			written.clear();
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

		private final Map<TopicPartition, OffsetAndMetadata> written;

		PublishBeforeRevoke(KafkaConsumer<String, String> kafka, LakeFiles files,
				Map<TopicPartition, OffsetAndMetadata> written) {
			this.kafka = kafka;
			this.files = files;
			this.written = written;
		}

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			try {
				publishAndCommit(this.kafka, this.files, this.written);
			}
			catch (IOException ex) {
				this.files.abandonAll();
				this.written.clear();
				log.warn("Could not publish lake files before a rebalance; they will be read again: {}", ex.toString());
			}
		}

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
		}

	}

}
