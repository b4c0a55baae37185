package io.turnout.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.utils.Exit;

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
 * destroyed last, after every Kafka client of the context has stopped, and its temporary
 * directories are deleted after it. Its data lives as long as the process: the lake keeps
 * what was collected.
 */
public class EmbeddedKafka implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

	/** The name of the shutdown hook with which Kafka's test kit deletes a directory. */
	static final String DELETE_DIRECTORY_HOOK = "delete-temp-file-shutdown-hook";

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
		// Kafka's test kit deletes its temporary directories in JVM shutdown hooks of its
		// own, which on SIGTERM run at the same time as Spring's and pull the log
		// directories from under the broker while it shuts down. Those hooks are kept
		// here instead and run once the broker has stopped; any other goes to the JVM.
		List<Runnable> deleteDirectories = new ArrayList<>();
		Exit.setShutdownHookAdder((name, hook) -> {
			if (DELETE_DIRECTORY_HOOK.equals(name)) {
				deleteDirectories.add(hook);
			}
			else {
				Runtime.getRuntime().addShutdownHook(new Thread(hook, name));
			}
		});
		try {
			broker.afterPropertiesSet();
		}
		finally {
			Exit.resetShutdownHookAdder();
		}
		String servers = broker.getBrokersAsString();
		log.info("No spring.kafka.bootstrap-servers configured: started an in-process Kafka broker at {}", servers);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("turnoutEmbeddedKafka", Map.of("spring.kafka.bootstrap-servers", servers)));
		if (context.getBeanFactory() instanceof DefaultListableBeanFactory factory) {
			factory.registerDisposableBean("turnoutEmbeddedKafkaBroker", () -> {
				broker.destroy();
				deleteDirectories.forEach(Runnable::run);
			});
		}
	}

}
