package io.turnout.app.usecases;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use-case modes, from configuration and the control database. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UseCaseProperties.class)
class UseCasesConfiguration {

	@Bean
	ConfiguredModes modes(UseCaseProperties properties, ModeOverrides overrides) {
		return new ConfiguredModes(properties, overrides);
	}

}
