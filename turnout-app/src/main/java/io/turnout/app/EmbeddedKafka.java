package io.turnout.app;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The embedded Kafka default (migration.md): when a command that needs Kafka runs
 * ({@code turnout.kafka.embedded=true}) and no {@code spring.kafka.bootstrap-servers} is
 * configured, a single-node KRaft broker starts in-process. It is registered to be
 * destroyed last, after every Kafka client of the context has stopped. Its data lives as
 * long as the process: the lake keeps what was collected.
 */
public class EmbeddedKafka implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!environment.getProperty("turnout.kafka.embedded", Boolean.class, false)
				|| environment.containsProperty("spring.kafka.bootstrap-servers")) {
			return;
		}
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.brokerProperty("auto.create.topics.enable", "false");
		// One local broker, one consumer per group: no reason to wait 3 s for more
		// members to join.
		broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
		broker.afterPropertiesSet();
		String servers = broker.getBrokersAsString();
		log.info("No spring.kafka.bootstrap-servers configured: started an in-process Kafka broker at {}", servers);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("turnoutEmbeddedKafka", Map.of("spring.kafka.bootstrap-servers", servers)));
		if (context.getBeanFactory() instanceof DefaultListableBeanFactory factory) {
			factory.registerDisposableBean("turnoutEmbeddedKafkaBroker", broker::destroy);
		}
	}

}
