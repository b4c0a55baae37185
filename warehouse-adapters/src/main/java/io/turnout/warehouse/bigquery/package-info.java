/**
 * The BigQuery warehouse: the client from configuration, and statements that never
 * process more bytes than the configured cap (a dry run first, then
 * {@code maximumBytesBilled}).
 */
package io.turnout.warehouse.bigquery;
