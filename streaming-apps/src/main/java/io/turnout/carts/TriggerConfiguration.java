package io.turnout.carts;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.turnout.usecases.Watermark;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/**
 * The cart triggers, published by processes that serve
 * ({@code turnout.streaming.enabled}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("turnout.streaming.enabled")
public class TriggerConfiguration {

	static final String TOPIC = "turnout.campaign.triggers";

	@Bean
	NewTopic triggerTopic() {
		return TopicBuilder.name(TOPIC).partitions(3).build();
	}

	@Bean(destroyMethod = "close")
	TriggerPublisher triggerPublisher(CartWarehouse carts, PublishedTriggers published, KafkaProperties kafka,
			Watermark watermark, MeterRegistry meters) {
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		return new TriggerPublisher(carts, published, new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config)),
				TOPIC, Clock.systemUTC(), watermark,
				Timer.builder("turnout.carts.trigger.lag")
					.description("From the watermark passing a cart's abandonment time to its trigger being published")
					.publishPercentiles(0.5, 0.99)
					.register(meters)::record);
	}

	@Bean
	SchedulingConfigurer triggerPublisherTrigger(TriggerPublisher publisher) {
		return registrar -> registrar.addFixedDelayTask(publisher::publishDue, Duration.ofSeconds(1));
	}

}
