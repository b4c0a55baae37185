package io.turnout.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.turnout.usecases.DerivedRestater;
import io.turnout.usecases.StreamingUseCases;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The streaming shell of the events use case: a Spring Cloud Stream consumer of the raw
 * topic (binding {@code eventsStream-in-0}, group {@code turnout-events}, batch mode)
 * that hands each poll to the same {@link IngestEvents#ingest} the nightly job uses.
 *
 * <p>
 * Offsets are committed after the batch is stored, so a crash replays it, and replays
 * change nothing. A batch the warehouse cannot take is retried with back-off, never
 * skipped: bad messages never fail a batch (they become {@code failed_events} rows), so
 * only an outage can, and an outage must not lose data.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("turnout.streaming.enabled")
public class EventsStreamConfiguration {

	public static final String BINDING = "eventsStream-in-0";

	@Bean
	Consumer<Message<List<String>>> eventsStream(StreamingUseCases useCases, DerivedRestater restater,
			MeterRegistry meters) {
		IngestEvents ingestEvents = useCases.events();
		Timer visible = Timer.builder("turnout.events.visible.latency")
			.description("From collector receipt (record time) to the event's row being committed")
			.publishPercentiles(0.5, 0.99)
			.register(meters);
		return message -> {
			IngestReport report = ingestEvents.ingest(message.getPayload());
			Instant committed = Instant.now();
			Instant oldest = committed;
			Object timestamps = message.getHeaders().get(KafkaHeaders.RECEIVED_TIMESTAMP);
			if (timestamps instanceof List<?> times) {
				for (Object time : times) {
					if (time instanceof Long millis) {
						Instant received = Instant.ofEpochMilli(millis);
						visible.record(Duration.between(received, committed));
						oldest = received.isBefore(oldest) ? received : oldest;
					}
				}
			}
			restater.record(report, oldest);
			meters.counter("turnout.events.stored", "use_case", "events", "outcome", "new")
				.increment(report.newEvents());
			meters.counter("turnout.events.stored", "use_case", "events", "outcome", "duplicate")
				.increment(report.duplicates());
			meters.counter("turnout.events.stored", "use_case", "events", "outcome", "failed")
				.increment(report.failed());
		};
	}

	@Bean
	ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> retryStoresUntilTheWarehouseIsBack() {
		return (container, destination, group) -> {
			ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
			backOff.setMaxInterval(30_000);
			container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
		};
	}

}
