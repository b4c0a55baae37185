package io.turnout.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-process broker of the embedded defaults: it stops with the context, and its
 * directories are deleted after it has stopped, not by a JVM shutdown hook racing it.
 */
class EmbeddedKafkaTest {

	@Test
	void theBrokersDirectoriesAreDeletedOnceItHasStoppedAndNotByAJvmShutdownHook() throws Exception {
		GenericApplicationContext context = new GenericApplicationContext();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("turnout.kafka.embedded", "true")));
		List<String> jvmShutdownHooks = new ArrayList<>();
		Exit.setShutdownHookAdder((name, hook) -> jvmShutdownHooks.add(name));
		try {
			new EmbeddedKafka().initialize(context);
		}
		finally {
			Exit.resetShutdownHookAdder();
		}
		context.refresh();
		List<Path> logDirectories;
		try {
			// A JVM shutdown hook would delete the directories while Spring's own hook
			// stops the broker (SIGTERM runs them together).
			assertThat(jvmShutdownHooks).doesNotContain(EmbeddedKafka.DELETE_DIRECTORY_HOOK);
			try (Admin admin = Admin.create(Map.of("bootstrap.servers",
					context.getEnvironment().getProperty("spring.kafka.bootstrap-servers")))) {
				logDirectories = admin.describeLogDirs(List.of(0))
					.allDescriptions()
					.get()
					.get(0)
					.keySet()
					.stream()
					.map(Path::of)
					.toList();
			}
			assertThat(logDirectories).isNotEmpty().allSatisfy(directory -> assertThat(directory).isDirectory());
		}
		finally {
			context.close();
		}

		assertThat(logDirectories).allSatisfy(directory -> assertThat(directory).doesNotExist());
	}

}
