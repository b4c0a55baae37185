/**
 * The Snowflake warehouse: connections (key-pair or password, a query tag and a statement
 * timeout on every session) and the Snowflake dialect's SQL.
 */
package io.turnout.warehouse.snowflake;
