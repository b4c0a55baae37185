package io.turnout.app;

import io.turnout.app.usecases.ConfiguredModes;
import io.turnout.app.usecases.UseCaseProperties;
import io.turnout.app.warehouse.WarehouseProperties;
import io.turnout.jobs.BatchJobProperties;
import io.turnout.lake.LakeLayout;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's own settings and the lake layout every shell shares. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ TurnoutProperties.class, LakeProperties.class })
class PlatformConfiguration {

	/**
	 * Even when a command starts lazily ({@code mode show}), the settings and the mode
	 * rules are checked at start-up, so a bad value stops every command with a clear
	 * message.
	 */
	@Bean
	static LazyInitializationExcludeFilter settingsAreCheckedAtStartUp() {
		return LazyInitializationExcludeFilter.forBeanTypes(TurnoutProperties.class, LakeProperties.class,
				WarehouseProperties.class, UseCaseProperties.class, ConfiguredModes.class, BatchJobProperties.class);
	}

	@Bean
	LakeLayout lakeLayout(LakeProperties lake) {
		return new LakeLayout(lake.path().toAbsolutePath().normalize());
	}

}
