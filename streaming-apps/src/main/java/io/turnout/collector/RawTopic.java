package io.turnout.collector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Writes raw records to the raw topic and returns only once Kafka acknowledged every one
 * (acks=all, idempotent producer), or throws {@link RawTopicUnavailableException}.
 */
public class RawTopic implements AutoCloseable {

	private final KafkaTemplate<String, String> template;

	private final String topic;

	private final Duration timeout;

	public RawTopic(KafkaTemplate<String, String> template, String topic, Duration timeout) {
		this.template = template;
		this.topic = topic;
		this.timeout = timeout;
	}

	/** Flushes and closes the producer, before the broker goes away. */
	@Override
	public void close() {
		if (this.template.getProducerFactory() instanceof DefaultKafkaProducerFactory<String, String> factory) {
			factory.destroy();
		}
	}

	public void writeDurably(List<RawRecord> records) {
		List<CompletableFuture<?>> sends = new ArrayList<>(records.size());
		try {
			for (RawRecord record : records) {
				sends.add(this.template.send(this.topic, record.key(), record.value()));
			}
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RawTopicUnavailableException("interrupted while waiting for Kafka", ex);
		}
		catch (ExecutionException ex) {
			throw new RawTopicUnavailableException(String.valueOf(ex.getCause()), ex);
		}
		catch (TimeoutException ex) {
			throw new RawTopicUnavailableException("no acknowledgement within " + this.timeout, ex);
		}
		catch (RuntimeException ex) {
			throw new RawTopicUnavailableException(ex.toString(), ex);
		}
	}

	/** Kafka could not take the write; the client should retry. */
	public static class RawTopicUnavailableException extends RuntimeException {

		RawTopicUnavailableException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
