package io.turnout.warehouse.snowflake;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import io.turnout.warehouse.WarehouseException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Snowflake driver against an account it cannot reach fails with a message naming the
 * account and the cause; sessions carry the query tag and the statement timeout; secrets
 * never appear in what is logged.
 */
class SnowflakeConnectionsTest {

	@Test
	void anUnreachableAccountFailsWithTheAccountAndTheCause() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		SnowflakeConnections connections = new SnowflakeConnections(settings("127.0.0.1:" + closedPort, null));

		assertThatExceptionOfType(WarehouseException.class).isThrownBy(() -> connections.open("turnout:test"))
			.withMessageContaining("Snowflake account 'acme-analytics'")
			.withMessageContaining("as 'turnout'")
			.withMessageContaining("127.0.0.1:" + closedPort)
			.satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("s3cret"));
	}

	@Test
	void sessionsAreTaggedAndTimedOut() {
		Properties properties = new SnowflakeConnections(settings(null, null))
			.properties("turnout:sessions:nightly:2026-11-25");

		assertThat(properties).containsEntry("query_tag", "turnout:sessions:nightly:2026-11-25")
			.containsEntry("STATEMENT_TIMEOUT_IN_SECONDS", "600")
			.containsEntry("networkTimeout", "660000")
			.containsEntry("TIMEZONE", "UTC")
			.containsEntry("JDBC_TREAT_TIMESTAMP_NTZ_AS_UTC", "true")
			.containsEntry("db", "ANALYTICS")
			.containsEntry("schema", "MARKETING")
			.containsEntry("password", "s3cret");
	}

	@Test
	void aKeyPairReplacesThePassword() {
		Properties properties = new SnowflakeConnections(settings(null, Path.of("/etc/turnout/rsa_key.p8")))
			.properties("turnout:events:stream");

		assertThat(properties).containsEntry("authenticator", "SNOWFLAKE_JWT")
			.containsEntry("private_key_file", "/etc/turnout/rsa_key.p8")
			.doesNotContainKey("password");
	}

	@Test
	void whatIsLoggedHoldsNoSecret() {
		assertThat(settings(null, null).toString()).contains("acme-analytics", "turnout", "password")
			.doesNotContain("s3cret");
		assertThat(settings(null, null).url()).isEqualTo("jdbc:snowflake://acme-analytics.snowflakecomputing.com/");
	}

	private static SnowflakeSettings settings(String host, Path keyFile) {
		return new SnowflakeSettings("acme-analytics", "turnout", (keyFile != null) ? null : "s3cret", keyFile, null,
				"TURNOUT_LOADER", "LOAD_WH", "ANALYTICS", "MARKETING", Duration.ofMinutes(10), Duration.ofSeconds(5),
				host);
	}

}
