package io.turnout.lake;

import io.turnout.collector.CollectorProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The always-on lake sink, on in processes that serve
 * ({@code turnout.lake.sink.enabled}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ LakeSinkProperties.class, CollectorProperties.class })
@ConditionalOnBooleanProperty("turnout.lake.sink.enabled")
public class LakeSinkConfiguration {

	@Bean
	LakeSink lakeSink(KafkaProperties kafka, CollectorProperties collector, LakeLayout lake,
			LakeSinkProperties properties) {
		return new LakeSink(kafka.buildConsumerProperties(), collector.topic(), lake, properties);
	}

}
