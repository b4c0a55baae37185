package io.turnout.usecases;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the streaming functions of the use cases whose mode says so
 * ({@code turnout.streaming.enabled}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty("turnout.streaming.enabled")
public class StreamingConfiguration {

	@Bean
	StreamingSwitch streamingSwitch(Modes modes, BindingsLifecycleController bindings) {
		return new StreamingSwitch(modes, bindings);
	}

}
