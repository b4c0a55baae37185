package io.turnout.app.usecases;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

/** The use-case modes, from configuration and the control database. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UseCaseProperties.class)
class UseCasesConfiguration {

	/**
	 * Unquoted identifiers, so that the control database's plain DDL works as written on
	 * H2 (which folds them to upper case) and PostgreSQL (lower case) alike.
	 */
	@Bean
	static BeanPostProcessor unquotedControlIdentifiers() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof RelationalMappingContext context) {
					context.setForceQuote(false);
				}
				return bean;
			}
		};
	}

	@Bean
	ConfiguredModes modes(UseCaseProperties properties, ModeOverrides overrides) {
		return new ConfiguredModes(properties, overrides);
	}

}
