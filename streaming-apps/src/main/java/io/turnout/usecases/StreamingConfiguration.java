package io.turnout.usecases;

import java.util.LinkedHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.turnout.attribution.AttributeOrders;
import io.turnout.carts.FindAbandonedCarts;
import io.turnout.revenue.ReportRevenue;
import io.turnout.sessions.BuildSessions;

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
	StreamingSwitch streamingSwitch(Modes modes, BindingsLifecycleController bindings) {
		return new StreamingSwitch(modes, bindings);
	}

	@Bean
	Watermark watermark(StreamingProperties properties) {
		return new Watermark(properties.allowedLateness().plusDays(1));
	}

	@Bean
	DerivedRestater derivedRestater(Modes modes, BuildSessions sessions, AttributeOrders attribution,
			ReportRevenue revenue, FindAbandonedCarts carts, Watermark watermark, StreamingProperties properties,
			MeterRegistry meters) {
		LinkedHashMap<UseCase, DerivedRestater.SliceRestater> restaters = new LinkedHashMap<>();
		restaters.put(UseCase.SESSIONS, sessions::restate);
		restaters.put(UseCase.ATTRIBUTION, (day, keys) -> attribution.restate(day));
		restaters.put(UseCase.REVENUE_DAILY, (day, keys) -> revenue.restate(day));
		restaters.put(UseCase.CART_ABANDONMENT, carts::restate);
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
