package io.turnout.warehouse.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flyway migrations of the cloud warehouses ({@code flyway/warehouse/<dialect>/}) are
 * exactly what the dialects generate from the table catalog; {@code -Dgolden.update=true}
 * rewrites them after a reviewed change.
 */
class WarehouseMigrationsTest {

	static List<WarehouseDialect> dialects() {
		return List.of(new SnowflakeDialect(), new BigQueryDialect());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dialects")
	void theMigrationFileIsTheGeneratedDdl(WarehouseDialect dialect) throws IOException {
		String generated = WarehouseMigrations.firstMigration(dialect, TableCatalog.load());
		String path = "db/warehouse/" + dialect.name() + "/V1__tables.sql";
		if (Boolean.getBoolean("golden.update")) {
			Path file = Path.of("../flyway/warehouse", dialect.name(), "V1__tables.sql");
			Files.createDirectories(file.getParent());
			Files.writeString(file, generated, StandardCharsets.UTF_8);
			return;
		}
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path + " on the classpath (the flyway module)").isNotNull();
			assertThat(generated).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

}
