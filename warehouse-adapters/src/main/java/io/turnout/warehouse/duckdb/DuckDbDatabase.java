package io.turnout.warehouse.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.turnout.warehouse.ConnectionDataSource;
import org.duckdb.DuckDBConnection;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded DuckDB warehouse file, opened once per process.
 *
 * <p>
 * DuckDB lets one process at a time open a file read-write. Every connection of this
 * process is a duplicate of the first, so they share one database instance; a second
 * process gets a clear refusal instead of a corrupted file.
 */
public final class DuckDbDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DuckDbDatabase.class);

	static final String CHECKPOINT_THRESHOLD = "1GB";

	private final Path file;

	private final DuckDBConnection root;

	private DuckDbDatabase(Path file, DuckDBConnection root) {
		this.file = file;
		this.root = root;
	}

	/**
	 * Opens (creating it and its folder when missing) the DuckDB file, or refuses with
	 * why.
	 */
	public static DuckDbDatabase open(Path file) {
		Path absolute = file.toAbsolutePath().normalize();
		try {
			Files.createDirectories(absolute.getParent());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot create the folder of the DuckDB warehouse " + absolute + ": " + ex,
					ex);
		}
		try {
			Connection connection = DriverManager.getConnection("jdbc:duckdb:" + absolute);
			try (java.sql.Statement statement = connection.createStatement()) {
				// DuckDB checkpoints whenever its WAL passes 16 MB, which under a
				// steady load of micro-batches is nearly every commit; a larger
				// threshold trades WAL size (and recovery time after a crash) for
				// write throughput.
				statement.execute("SET checkpoint_threshold = '" + CHECKPOINT_THRESHOLD + "'");
			}
			log.info("Opened the DuckDB warehouse {}", absolute);
			return new DuckDbDatabase(absolute, connection.unwrap(DuckDBConnection.class));
		}
		catch (SQLException ex) {
			if (String.valueOf(ex.getMessage()).contains("lock")) {
				throw new IllegalStateException("The DuckDB warehouse " + absolute
						+ " is open in another process, and DuckDB allows one writer process per file. "
						+ "Run this command while no other Turnout process uses the file (stop 'serve', or let "
						+ "the running job finish), or give this process its own turnout.home. DuckDB said: "
						+ ex.getMessage(), ex);
			}
			throw new IllegalStateException("Cannot open the DuckDB warehouse " + absolute + ": " + ex.getMessage(),
					ex);
		}
	}

	/** Applies the versioned files of {@code db/warehouse/duckdb} with Flyway. */
	public void migrate() {
		Flyway.configure()
			.dataSource(dataSource())
			.locations("classpath:db/warehouse/duckdb")
			.table("turnout_schema_history")
			.load()
			.migrate();
	}

	public Path file() {
		return this.file;
	}

	/** A new connection to this database instance. */
	public Connection connect() throws SQLException {
		return this.root.duplicate();
	}

	/**
	 * A DataSource whose connections share this database instance (for Flyway and
	 * readers).
	 */
	public DataSource dataSource() {
		return new ConnectionDataSource(this::connect);
	}

	@Override
	public void close() {
		try {
			this.root.close();
		}
		catch (SQLException ex) {
			log.warn("Closing the DuckDB warehouse {} failed: {}", this.file, ex.getMessage());
		}
	}

}
