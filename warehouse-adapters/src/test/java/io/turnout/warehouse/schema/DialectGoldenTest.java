package io.turnout.warehouse.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DDL and the replace statements each cloud dialect generates for every table of
 * tables.md, checked against reviewed golden files in
 * {@code src/test/resources/golden/<dialect>/
 *
<table>
 * .sql}. After a reviewed change, {@code -Dgolden.update=true} rewrites them.
 */
class DialectGoldenTest {

	static final Path GOLDEN = Path.of("src/test/resources/golden");

	static Stream<Arguments> tables() {
		List<Arguments> arguments = new ArrayList<>();
		for (WarehouseDialect dialect : List.of(new SnowflakeDialect(), new BigQueryDialect())) {
			for (TableSpec table : TableCatalog.load().tables()) {
				arguments.add(Arguments.of(dialect, table));
			}
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("tables")
	void generatedStatementsAreTheReviewedOnes(WarehouseDialect dialect, TableSpec table) throws IOException {
		String generated = statements(dialect, table);
		Path golden = GOLDEN.resolve(dialect.name()).resolve(table.name() + ".sql");
		if (Boolean.getBoolean("golden.update")) {
			Files.createDirectories(golden.getParent());
			Files.writeString(golden, generated, StandardCharsets.UTF_8);
		}
		assertThat(golden).as("golden file, written with -Dgolden.update=true").exists();
		assertThat(generated).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
	}

	static String statements(WarehouseDialect dialect, TableSpec table) {
		String target = "marketing." + table.name();
		String stage = "marketing._stage_" + table.name();
		StringBuilder sql = new StringBuilder();
		// The table's DDL is in the dialect's Flyway migration, checked by
		// WarehouseMigrationsTest.
		sql.append("-- ").append(dialect.name()).append(": ").append(table.name()).append("\n\n");
		if (!(dialect instanceof BigQueryDialect)) {
			// BigQuery takes rows by load jobs, see BigQueryLoadsTest.
			JdbcLoad load = dialect.jdbcLoad(table, target);
			load.before()
				.forEach(statement -> sql.append("-- before loading rows\n").append(statement).append(";\n\n"));
			sql.append("-- load rows (a JDBC batch, sent as arrays)\n").append(load.row()).append(";\n\n");
			load.after().forEach(statement -> sql.append("-- after loading rows\n").append(statement).append(";\n\n"));
		}
		sql.append("-- a staging table\n");
		sql.append(dialect.createStage(table, stage, target)).append(";\n\n-- replace the staged keys\n");
		dialect.replaceKeys(table, target, stage).forEach(statement -> sql.append(statement).append(";\n"));
		sql.append("\n-- delete the staged keys\n")
			.append(dialect.deleteKeys(table, target, table.keyColumns().get(0), "marketing._stage_keys"))
			.append(";\n\n-- insert the staged rows whose key is not stored\n")
			.append(dialect.insertMissing(table, target, stage))
			.append(";\n");
		sql.append("\n-- replace a day\n");
		dialect.replaceDay(table, target, stage).forEach(statement -> sql.append(statement).append(";\n"));
		if (table.columnNames().contains("session_key") || table.name().equals("cart_abandonments")) {
			String keyColumn = table.columnNames().contains("session_key") ? "session_key" : "session_id";
			sql.append("\n-- replace the staged session keys of a day\n");
			dialect.replaceDayOfKeys(table, target, stage, keyColumn, "marketing._stage_keys")
				.forEach(statement -> sql.append(statement).append(";\n"));
		}
		return sql.toString();
	}

}
