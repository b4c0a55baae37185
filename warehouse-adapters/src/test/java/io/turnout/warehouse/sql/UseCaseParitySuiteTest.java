package io.turnout.warehouse.sql;

import java.nio.file.Path;
import java.sql.SQLException;

import io.turnout.warehouse.TableNames;
import io.turnout.warehouse.duckdb.DuckDbDatabase;
import io.turnout.warehouse.schema.DuckDbDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parity suite the live warehouse tests run, here on DuckDB through JDBC (the path
 * Snowflake takes), so that it runs in every build.
 */
class UseCaseParitySuiteTest {

	@TempDir
	Path home;

	@Test
	void everyUseCaseOverJdbcWritesWhatTheDuckDbAdaptersWrite() throws SQLException {
		DuckDbDatabase database = DuckDbDatabase.open(this.home.resolve("generic.duckdb"));
		database.migrate();
		try (JdbcSqlWarehouse warehouse = new JdbcSqlWarehouse(() -> DuckDbRows.connect(database),
				new DuckDbDialect())) {
			UseCaseParitySuite.run(warehouse, TableNames.DEFAULT_SCHEMA, this.home.resolve("reference.duckdb"), 60);
		}
		finally {
			database.close();
		}
	}

}
