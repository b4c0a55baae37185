package io.turnout.warehouse.sql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.turnout.warehouse.TableNames;
import io.turnout.warehouse.duckdb.DuckDbDatabase;
import io.turnout.warehouse.schema.DuckDbDialect;
import io.turnout.warehouse.schema.WarehouseDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where DDL commits the open transaction (Snowflake), no working table is created inside
 * a transaction that has done anything: it would commit half of a batch. Shown on DuckDB
 * through a connection that records every DDL statement sent after a transaction's first
 * statement, which Snowflake would have committed at that point.
 */
class DdlCommitsTest {

	@TempDir
	Path home;

	@Test
	void whereDdlCommitsNoWorkingTableIsCreatedInsideATransaction() throws SQLException {
		List<String> committedEarly = new ArrayList<>();

		runTheSuite(true, committedEarly);

		assertThat(committedEarly).isEmpty();
	}

	@Test
	void theAdaptersDoCreateWorkingTablesMidTransactionWhereDdlDoesNotCommit() throws SQLException {
		List<String> committedEarly = new ArrayList<>();

		runTheSuite(false, committedEarly);

		// What the retry above is for: on DuckDB the adapters create working tables as
		// they go.
		assertThat(committedEarly).isNotEmpty().allMatch(sql -> sql.startsWith("CREATE TEMP"));
	}

	@Test
	void otherDdlInsideATransactionIsRefused() {
		assertThatThrownBy(() -> JdbcSqlWarehouse.temporaryTableCreated("DROP TABLE marketing.events"))
			.hasMessageContaining("DDL inside a transaction would commit it");
		assertThat(
				JdbcSqlWarehouse.temporaryTableCreated("CREATE TEMPORARY TABLE IF NOT EXISTS Stage_Keys (k VARCHAR)"))
			.isEqualTo("stage_keys");
		assertThat(JdbcSqlWarehouse.temporaryTableCreated("DELETE FROM stage_keys")).isNull();
	}

	private void runTheSuite(boolean ddlCommits, List<String> committedEarly) throws SQLException {
		DuckDbDatabase database = DuckDbDatabase.open(this.home.resolve("generic-" + ddlCommits + ".duckdb"));
		database.migrate();
		try (JdbcSqlWarehouse warehouse = new JdbcSqlWarehouse(
				() -> recording(DuckDbRows.connect(database), committedEarly), dialect(ddlCommits))) {
			UseCaseParitySuite.run(warehouse, TableNames.DEFAULT_SCHEMA,
					this.home.resolve("reference-" + ddlCommits + ".duckdb"), 30);
		}
		finally {
			database.close();
		}
	}

	private static WarehouseDialect dialect(boolean ddlCommits) {
		WarehouseDialect duckdb = new DuckDbDialect();
		return (WarehouseDialect) Proxy.newProxyInstance(WarehouseDialect.class.getClassLoader(),
				new Class<?>[] { WarehouseDialect.class }, (proxy, method, args) -> {
					if (method.getName().equals("ddlCommits")) {
						return ddlCommits;
					}
					try {
						return method.invoke(duckdb, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	/**
	 * A connection that records the DDL prepared while its transaction has done something
	 * since it began.
	 */
	private static Connection recording(Connection connection, List<String> committedEarly) {
		int[] statements = { 0 };
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					switch (method.getName()) {
						case "commit", "rollback" -> statements[0] = 0;
						case "setAutoCommit" -> statements[0] = 0;
						case "prepareStatement", "createStatement" -> {
							String sql = (args != null && args.length > 0) ? (String) args[0] : "";
							boolean ddl = sql.strip().toUpperCase().matches("^(CREATE|DROP|ALTER)\\s.*");
							if (!connection.getAutoCommit()) {
								if (ddl && statements[0] > 0) {
									committedEarly.add(sql);
								}
								statements[0]++;
							}
						}
						default -> {
						}
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
