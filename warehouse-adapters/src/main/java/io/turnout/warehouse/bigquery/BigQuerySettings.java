package io.turnout.warehouse.bigquery;

import java.nio.file.Path;

/**
 * Where Turnout's BigQuery tables live and what a statement may cost.
 *
 * @param project the Google Cloud project that runs (and pays for) the jobs
 * @param dataset the dataset of the tables ({@code marketing})
 * @param location the dataset's location ({@code EU}, {@code US}, {@code europe-west1})
 * @param credentialsFile a service account key file; null for Application Default
 * Credentials
 * @param maximumBytesBilled the most bytes one statement may process: a statement whose
 * dry run estimates more is refused, and every job carries the cap
 * @param host the API root to call instead of Google's (a private endpoint, a test
 * server); null for the default
 */
public record BigQuerySettings(String project, String dataset, String location, Path credentialsFile,
		long maximumBytesBilled, String host) {
}
