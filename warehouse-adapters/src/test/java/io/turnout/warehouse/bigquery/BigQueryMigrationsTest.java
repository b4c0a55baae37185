package io.turnout.warehouse.bigquery;

import java.util.List;

import com.google.cloud.bigquery.BigQuery;
import io.turnout.warehouse.WarehouseException;
import io.turnout.warehouse.bigquery.BigQueryMigrations.Migration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The BigQuery migrations keep Flyway's rules without Flyway: versions apply once, in
 * order, each recorded with its checksum in the history table; an applied migration that
 * changed stops the start-up, naming the version and both checksums.
 */
class BigQueryMigrationsTest {

	private final FakeBigQueryServer server = BigQueryStatementsTest.startServer();

	private final BigQuerySettings settings = new BigQuerySettings("acme", "marketing", "EU", null, 10_000_000_000L,
			this.server.host());

	private final BigQuery bigquery = BigQueryClients.create(this.settings, BigQueryClients.defaultRetries());

	private final BigQueryMigrations migrations = new BigQueryMigrations(this.bigquery, this.settings,
			new BigQueryStatements(this.bigquery, this.settings));

	private final List<Migration> shipped = BigQueryMigrations.fromClasspath("db/warehouse/bigquery",
			List.of("V1__tables.sql"));

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void pendingVersionsApplyOnceInOrderWithTheirChecksums() {
		List<Migration> two = List.of(this.shipped.get(0), Migration.of(2, "carts index",
				"ALTER TABLE `marketing.cart_abandonments` SET OPTIONS(description=\"x\")"));

		assertThat(this.migrations.migrate(List.of(this.shipped.get(0)))).containsExactly(1);
		assertThat(this.migrations.migrate(two)).containsExactly(2);
		assertThat(this.migrations.migrate(two)).isEmpty();

		assertThat(this.server.queriesRun()
			.stream()
			.filter(sql -> sql.contains("CREATE TABLE IF NOT EXISTS `marketing.events`"))).hasSize(1);
		assertThat(this.server.queriesRun()
			.stream()
			.filter(sql -> sql.startsWith("INSERT INTO `marketing.turnout_schema_history`"))).hasSize(2);
	}

	@Test
	void aChangedMigrationStopsTheStartUpNamingTheVersionAndBothChecksums() {
		this.migrations.migrate(this.shipped);
		this.server.tamperWithHistory("1", "0ld");

		assertThatExceptionOfType(WarehouseException.class).isThrownBy(() -> this.migrations.migrate(this.shipped))
			.withMessageContaining("BigQuery migration V1 (tables) changed after it was applied")
			.withMessageContaining("checksum 0ld in turnout_schema_history, " + this.shipped.get(0).checksum());
	}

	@Test
	void aMigrationMissingFromTheBuildStopsTheStartUp() {
		this.migrations.migrate(List.of(this.shipped.get(0), Migration.of(2, "extra", "SELECT 1")));

		assertThatExceptionOfType(WarehouseException.class).isThrownBy(() -> this.migrations.migrate(this.shipped))
			.withMessageContaining("V2 was applied")
			.withMessageContaining("no longer in this build");
	}

}
