/**
 * The tables of tables.md as data (columns, types, keys, descriptions, the day of a row),
 * and the SQL each warehouse dialect needs for them: the DDL BI tools read, staging
 * tables, and the idempotent replace of keys and of day slices.
 */
package io.turnout.warehouse.schema;
