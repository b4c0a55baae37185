package io.turnout.usecases;

import io.turnout.events.EventsConsumerGroup;
import io.turnout.events.EventsStreamConfiguration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.LinkedHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/**
 * Runs the streaming functions of the use cases whose mode says so
 * ({@code turnout.streaming.enabled}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(StreamingProperties.class)
@ConditionalOnBooleanProperty("turnout.streaming.enabled")
public class StreamingConfiguration {

	@Bean
	StreamingSwitch streamingSwitch(Modes modes, BindingsLifecycleController bindings, NightlyHistory history,
			EventsConsumerGroup eventsGroup, DerivedRestater restater, StreamingProperties properties) {
		return new StreamingSwitch(modes, bindings,
				new StreamingSwitch.TakeOver(history, eventsGroup, restater, properties.allowedLateness()));
	}

	@Bean
	EventsConsumerGroup eventsConsumerGroup(KafkaAdmin kafka, Environment environment) {
		String binding = "spring.cloud.stream.bindings." + EventsStreamConfiguration.BINDING;
		return new EventsConsumerGroup(kafka, environment.getRequiredProperty(binding + ".destination"),
				environment.getRequiredProperty(binding + ".group"));
	}

	@Bean
	Watermark watermark(StreamingProperties properties) {
		return new Watermark(properties.allowedLateness().plusDays(1));
	}

	@Bean
	DerivedRestater derivedRestater(Modes modes, StreamingUseCases useCases, Watermark watermark,
			StreamingProperties properties, MeterRegistry meters) {
		LinkedHashMap<UseCase, DerivedRestater.SliceRestater> restaters = new LinkedHashMap<>();
		restaters.put(UseCase.SESSIONS, useCases.sessions()::restate);
		restaters.put(UseCase.ATTRIBUTION, (day, keys) -> useCases.attribution().restate(day));
		restaters.put(UseCase.REVENUE_DAILY, (day, keys) -> useCases.revenue().restate(day));
		restaters.put(UseCase.CART_ABANDONMENT, useCases.carts()::restate);
		DerivedRestater restater = new DerivedRestater(modes, restaters, watermark, properties.allowedLateness(),
				(useCase, lag) -> Timer.builder("turnout.derived.restate.lag")
					.description("From the collector receiving a change to the restatement that includes it")
					.tag("use_case", useCase.code())
					.publishPercentiles(0.5, 0.99)
					.register(meters)
					.record(lag));
		Gauge.builder("turnout.derived.pending", restater, DerivedRestater::pending)
			.description("Days of derived use cases waiting to be restated, or being restated")
			.register(meters);
		return restater;
	}

	@Bean
	SchedulingConfigurer streamingSwitchTrigger(StreamingSwitch streamingSwitch, StreamingProperties properties) {
		return registrar -> registrar.addFixedDelayTask(streamingSwitch::apply, properties.modeCheckInterval());
	}

	@Bean
	SchedulingConfigurer derivedRestaterTrigger(DerivedRestater restater, StreamingProperties properties) {
		return registrar -> registrar.addFixedDelayTask(restater::restateStale, properties.restateInterval());
	}

}
