package io.turnout.warehouse.bigquery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import io.turnout.warehouse.WarehouseException;

/** The BigQuery client of a configuration. */
public final class BigQueryClients {

	private BigQueryClients() {
	}

	/**
	 * The client: credentials from the key file, or Application Default Credentials; the
	 * library's retries of 5xx answers and rate limits, with the given settings.
	 */
	public static BigQuery create(BigQuerySettings settings, RetrySettings retries) {
		BigQueryOptions.Builder options = BigQueryOptions.newBuilder()
			.setProjectId(settings.project())
			.setLocation(settings.location())
			.setRetrySettings(retries)
			.setCredentials(credentials(settings));
		if (settings.host() != null) {
			options.setHost(settings.host());
		}
		return options.build().getService();
	}

	/** The library's own retry settings: several attempts with exponential back-off. */
	public static RetrySettings defaultRetries() {
		return ServiceOptions.getDefaultRetrySettings();
	}

	/**
	 * The library's retries, given up after a total time (a call nobody answers fails
	 * then, instead of after the library's 50 s).
	 */
	public static RetrySettings retriesWithin(java.time.Duration total) {
		return defaultRetries().toBuilder().setTotalTimeoutDuration(total).build();
	}

	/**
	 * The Storage Write API client of the streaming side, with the same credentials. It
	 * connects on first use.
	 */
	public static BigQueryWriteClient writeClient(BigQuerySettings settings) {
		try {
			Credentials credentials = credentials(settings);
			return BigQueryWriteClient.create(BigQueryWriteSettings.newBuilder()
				.setCredentialsProvider((credentials instanceof NoCredentials) ? NoCredentialsProvider.create()
						: FixedCredentialsProvider.create(credentials))
				.build());
		}
		catch (IOException ex) {
			throw new WarehouseException("Cannot create the BigQuery Storage Write client: " + ex.getMessage(), ex);
		}
	}

	private static Credentials credentials(BigQuerySettings settings) {
		if (settings.host() != null && settings.credentialsFile() == null) {
			// A private or test endpoint takes no Google credentials.
			return NoCredentials.getInstance();
		}
		try {
			if (settings.credentialsFile() == null) {
				return GoogleCredentials.getApplicationDefault();
			}
			try (InputStream key = Files.newInputStream(settings.credentialsFile())) {
				return GoogleCredentials.fromStream(key);
			}
		}
		catch (IOException ex) {
			throw new WarehouseException("Cannot read BigQuery credentials "
					+ ((settings.credentialsFile() != null) ? "from " + settings.credentialsFile()
							: "(Application Default Credentials: set GOOGLE_APPLICATION_CREDENTIALS or run "
									+ "gcloud auth application-default login)")
					+ ": " + ex.getMessage(), ex);
		}
	}

}
