package io.turnout.app.migration;

import java.time.Clock;
import java.util.OptionalLong;

import io.turnout.app.admin.AdminProperties;
import io.turnout.app.usecases.ConfiguredModes;
import io.turnout.app.usecases.ModeOverrides;
import io.turnout.events.EventsConsumerGroup;
import io.turnout.jobs.JobRepositoryNightlyHistory;
import io.turnout.jobs.UseCaseLeases;
import io.turnout.migration.CheckParity;
import io.turnout.migration.ModeChangeRules;
import io.turnout.warehouse.duckdb.DuckDbParityTables;
import io.turnout.warehouse.duckdb.DuckDbWriter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The migration path: parity checks, changes of mode, the state of every use case. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ MigrationProperties.class, AdminProperties.class })
class MigrationConfiguration {

	@Bean
	ParityChecks parityChecks(DuckDbWriter writer, ParityReports reports, ConfiguredModes modes) {
		return new ParityChecks(new CheckParity(new DuckDbParityTables(writer)), reports, modes, Clock.systemUTC());
	}

	@Bean
	ModeChanges modeChanges(ConfiguredModes modes, ModeOverrides overrides, ModeChangeRecords audit,
			ParityReports parity, MigrationProperties properties, UseCaseLeases leases,
			PlatformTransactionManager transactionManager) {
		return new ModeChanges(modes, overrides, audit, parity, new ModeChangeRules(properties.requiredParityDays()),
				leases, new TransactionTemplate(transactionManager), Clock.systemUTC());
	}

	@Bean
	UseCaseStates useCaseStates(ConfiguredModes modes, ModeOverrides overrides, JobRepositoryNightlyHistory nightly,
			ParityReports parity, ObjectProvider<EventsConsumerGroup> eventsGroup) {
		return new UseCaseStates(modes, overrides, nightly, parity, () -> {
			EventsConsumerGroup group = eventsGroup.getIfAvailable();
			return (group != null) ? group.lag() : OptionalLong.empty();
		});
	}

}
