package io.turnout.app.migration;

import java.time.Clock;
import java.util.OptionalLong;

import io.turnout.app.admin.AdminProperties;
import io.turnout.app.usecases.ConfiguredModes;
import io.turnout.app.usecases.ModeOverrides;
import io.turnout.events.EventsConsumerGroup;
import io.turnout.events.EventsStreamConfiguration;
import io.turnout.jobs.JobRepositoryNightlyHistory;
import io.turnout.jobs.UseCaseLeases;
import io.turnout.migration.CheckParity;
import io.turnout.migration.ModeChangeRules;
import io.turnout.migration.ParityTables;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The migration path: parity checks, changes of mode, the state of every use case. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ MigrationProperties.class, AdminProperties.class })
class MigrationConfiguration {

	@Bean
	ParityChecks parityChecks(ParityTables tables, ParityReports reports, ConfiguredModes modes) {
		return new ParityChecks(new CheckParity(tables), reports, modes, Clock.systemUTC());
	}

	@Bean
	ModeChanges modeChanges(ConfiguredModes modes, ModeOverrides overrides, ModeChangeRecords audit,
			ParityReports parity, MigrationProperties properties, UseCaseLeases leases,
			PlatformTransactionManager transactionManager) {
		return new ModeChanges(modes, overrides, audit, parity, new ModeChangeRules(properties.requiredParityDays()),
				leases, new TransactionTemplate(transactionManager), Clock.systemUTC());
	}

	/**
	 * The lag comes from the streaming functions' consumer group: in {@code serve}, or
	 * from the command line when it is given the Kafka cluster
	 * ({@code spring.kafka.bootstrap-servers}); the in-process broker of a {@code serve}
	 * is out of its reach.
	 */
	@Bean
	UseCaseStates useCaseStates(ConfiguredModes modes, ModeOverrides overrides, JobRepositoryNightlyHistory nightly,
			ParityReports parity, ObjectProvider<EventsConsumerGroup> eventsGroup, ObjectProvider<KafkaAdmin> kafka,
			Environment environment) {
		return new UseCaseStates(modes, overrides, nightly, parity, () -> {
			EventsConsumerGroup group = eventsGroup.getIfAvailable();
			if (group == null && environment.containsProperty("spring.kafka.bootstrap-servers")
					&& kafka.getIfAvailable() != null) {
				String binding = "spring.cloud.stream.bindings." + EventsStreamConfiguration.BINDING;
				group = new EventsConsumerGroup(kafka.getObject(),
						environment.getRequiredProperty(binding + ".destination"),
						environment.getRequiredProperty(binding + ".group"));
			}
			return (group != null) ? group.lag() : OptionalLong.empty();
		});
	}

}
