package io.turnout.warehouse.snowflake;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and as whom Turnout connects to Snowflake. Secrets are never logged: only
 * {@link #toString()} without them is.
 *
 * @param account the account identifier ({@code orgname-account_name} or a locator)
 * @param user the user
 * @param password the password, when not using a key pair
 * @param privateKeyFile a PKCS#8 private key file for key-pair authentication
 * @param privateKeyPassphrase the key file's passphrase, if it is encrypted
 * @param role the role, or null for the user's default
 * @param warehouse the virtual warehouse
 * @param database the database
 * @param schema the schema of the tables ({@code marketing})
 * @param statementTimeout how long a statement may run before Snowflake cancels it
 * @param loginTimeout how long connecting may take before it fails
 * @param host the host to reach instead of {@code <account>.snowflakecomputing.com}
 * (private link, a proxy); null for the default
 */
public record SnowflakeSettings(String account, String user, String password, Path privateKeyFile,
		String privateKeyPassphrase, String role, String warehouse, String database, String schema,
		Duration statementTimeout, Duration loginTimeout, String host) {

	public String url() {
		String target = (this.host != null) ? this.host : this.account + ".snowflakecomputing.com";
		return "jdbc:snowflake://" + target + "/";
	}

	@Override
	public String toString() {
		return "Snowflake account '" + this.account + "' as '" + this.user + "' (" + url() + ", database "
				+ this.database + ", schema " + this.schema + ", warehouse " + this.warehouse + ", "
				+ ((this.privateKeyFile != null) ? "key pair " + this.privateKeyFile : "password") + ")";
	}

}
