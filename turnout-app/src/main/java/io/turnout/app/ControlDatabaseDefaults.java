package io.turnout.app;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded control database: with no {@code spring.datasource.url}, an H2 file in
 * {@code turnout.home}, opened in H2's auto-server mode so that a {@code serve} and a
 * {@code job run} can share it (migration.md).
 */
public class ControlDatabaseDefaults implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("spring.datasource.url")) {
			return;
		}
		String home = environment.getProperty("turnout.home", "./turnout-data");
		Path file = Path.of(home).toAbsolutePath().normalize().resolve("control");
		// WRITE_DELAY=0: every commit is on disk before the job goes on, so a killed
		// job's
		// record is what it committed and it restarts where it stopped.
		environment.getPropertySources()
			.addLast(new MapPropertySource("turnoutControlDatabase",
					Map.of("spring.datasource.url", "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;WRITE_DELAY=0",
							"spring.datasource.username", "sa", "spring.datasource.password", "")));
	}

}
