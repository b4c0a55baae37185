package io.turnout.warehouse.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.turnout.warehouse.duckdb.DuckDbDatabase;

/** What the SQL adapter tests read of a DuckDB file: its connections, rows as text. */
final class DuckDbRows {

	private DuckDbRows() {
	}

	/** A connection, for {@link JdbcSqlWarehouse}'s session supplier. */
	static Connection connect(DuckDbDatabase database) {
		try {
			return database.connect();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The rows of a query, each value as DuckDB writes it as text. */
	static List<List<String>> query(DuckDbDatabase database, String sql) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			ResultSetMetaData meta = rs.getMetaData();
			while (rs.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					row.add(rs.getString(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

}
