package io.turnout.warehouse.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** The rows of a JDBC result as the SQL adapters read them. */
public final class ResultRows {

	private ResultRows() {
	}

	/** Each row's values; times as the wall clock they hold, which is UTC. */
	public static List<Object[]> of(ResultSet rs) throws SQLException {
		int columns = rs.getMetaData().getColumnCount();
		List<Object[]> rows = new ArrayList<>();
		while (rs.next()) {
			Object[] row = new Object[columns];
			for (int i = 0; i < columns; i++) {
				row[i] = (rs.getMetaData().getColumnType(i + 1) == Types.TIMESTAMP)
						? rs.getObject(i + 1, LocalDateTime.class) : rs.getObject(i + 1);
			}
			rows.add(row);
		}
		return rows;
	}

}
