package io.turnout.collector;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The collector, on when this process serves HTTP ({@code turnout.collector.enabled}).
 * Its producer always writes with acks=all and idempotence, whatever else is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CollectorProperties.class)
@ConditionalOnBooleanProperty("turnout.collector.enabled")
public class CollectorConfiguration {

	@Bean
	WriteKeys writeKeys(CollectorProperties properties) {
		return new WriteKeys(properties.sources());
	}

	/**
	 * Browsers (analytics.js) post from other origins; the origins of every source are
	 * allowed.
	 */
	@Bean
	WebMvcConfigurer collectorCors(WriteKeys writeKeys) {
		return new WebMvcConfigurer() {
			@Override
			public void addCorsMappings(CorsRegistry registry) {
				registry.addMapping("/v1/**")
					.allowedOriginPatterns(writeKeys.allowedOrigins().toArray(String[]::new))
					.allowedMethods("POST")
					.allowedHeaders("Content-Type", "Authorization", "Content-Encoding")
					.maxAge(86_400);
			}
		};
	}

	@Bean
	NewTopic rawTopicDefinition(CollectorProperties properties) {
		return TopicBuilder.name(properties.topic()).partitions(properties.partitions()).build();
	}

	@Bean(destroyMethod = "close")
	RawTopic rawTopic(KafkaProperties kafka, CollectorProperties properties) {
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
		config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
		config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 9_000);
		// Batches of up to 256 KB per partition, gathered for up to 5 ms: the records of
		// requests arriving together share a produce request, which the broker handles
		// once (16 KB, Kafka's default, is about 20 Segment messages).
		config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
		config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
		KafkaTemplate<String, String> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
		return new RawTopic(template, properties.topic(), properties.sendTimeout());
	}

	@Bean
	Clock collectorClock() {
		return Clock.systemUTC();
	}

}
