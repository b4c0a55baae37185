package io.turnout.warehouse.snowflake;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import io.turnout.warehouse.WarehouseException;

/**
 * Opens Snowflake sessions: key-pair or password authentication, the schema, warehouse
 * and role, a statement timeout, and a {@code QUERY_TAG} naming the use case and run on
 * every statement (so that a warehouse admin sees in the query history who spent the
 * credits). A connection that cannot be made fails within the login timeout with the
 * account and the cause.
 */
public final class SnowflakeConnections {

	private final SnowflakeSettings settings;

	public SnowflakeConnections(SnowflakeSettings settings) {
		this.settings = settings;
	}

	/**
	 * A session whose statements are tagged.
	 * @param queryTag e.g. {@code turnout:sessions:nightly:2026-11-25}
	 */
	public Connection open(String queryTag) {
		Properties properties = properties(queryTag);
		try {
			Connection connection = DriverManager.getConnection(this.settings.url(), properties);
			try (Statement statement = connection.createStatement()) {
				statement.execute("ALTER SESSION SET QUERY_TAG = '" + queryTag.replace("'", "''") + "'");
			}
			return connection;
		}
		catch (SQLException ex) {
			throw new WarehouseException("Cannot connect to Snowflake account '" + this.settings.account() + "' as '"
					+ this.settings.user() + "' at " + this.settings.url() + ": " + cause(ex)
					+ ". Check turnout.warehouse.snowflake.* (account, host, user and key or password).", null);
		}
	}

	Properties properties(String queryTag) {
		Properties properties = new Properties();
		properties.put("account", this.settings.account());
		properties.put("user", this.settings.user());
		if (this.settings.privateKeyFile() != null) {
			properties.put("authenticator", "SNOWFLAKE_JWT");
			properties.put("private_key_file", this.settings.privateKeyFile().toString());
			if (this.settings.privateKeyPassphrase() != null) {
				properties.put("private_key_pwd", this.settings.privateKeyPassphrase());
			}
		}
		else if (this.settings.password() != null) {
			properties.put("password", this.settings.password());
		}
		putIfSet(properties, "role", this.settings.role());
		putIfSet(properties, "warehouse", this.settings.warehouse());
		putIfSet(properties, "db", this.settings.database());
		putIfSet(properties, "schema", this.settings.schema());
		properties.put("query_tag", queryTag);
		properties.put("STATEMENT_TIMEOUT_IN_SECONDS", String.valueOf(this.settings.statementTimeout().toSeconds()));
		long login = Math.max(1, this.settings.loginTimeout().toSeconds());
		properties.put("loginTimeout", String.valueOf(login));
		// Above the statement timeout and Snowflake's long poll of a running query: a
		// slow statement is ended by its timeout, a dead network by this one.
		properties.put("networkTimeout", String.valueOf((this.settings.statementTimeout().toSeconds() + 60) * 1000));
		// Times are UTC wall clocks in TIMESTAMP_NTZ columns, whatever the JVM's zone.
		properties.put("TIMEZONE", "UTC");
		properties.put("JDBC_TREAT_TIMESTAMP_NTZ_AS_UTC", "true");
		properties.put("maxHttpRetries", "1");
		properties.put("CLIENT_SESSION_KEEP_ALIVE", "false");
		properties.put("tracing", "OFF");
		return properties;
	}

	private static void putIfSet(Properties properties, String name, String value) {
		if (value != null && !value.isBlank()) {
			properties.put(name, value);
		}
	}

	private static String cause(Throwable failure) {
		Throwable current = failure;
		String message = failure.getMessage();
		while (current.getCause() != null && current.getCause() != current) {
			current = current.getCause();
			if (current.getMessage() != null) {
				message = current.getMessage();
			}
		}
		return (message != null) ? message : current.toString();
	}

}
