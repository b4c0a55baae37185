package io.turnout.app;

import io.turnout.lake.LakeLayout;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's own settings and the lake layout every shell shares. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ TurnoutProperties.class, LakeProperties.class })
class PlatformConfiguration {

	@Bean
	LakeLayout lakeLayout(LakeProperties lake) {
		return new LakeLayout(lake.path().toAbsolutePath().normalize());
	}

}
