package io.turnout.warehouse.schema;

/**
 * One column of a table of tables.md.
 *
 * @param name the column name
 * @param type its type as tables.md writes it ({@code VARCHAR}, {@code DECIMAL(18,4)},
 * {@code JSON}, ...)
 * @param nullable whether it may be null
 * @param key whether it is part of the table's key
 * @param description what it means, for the warehouse's column comments
 */
public record ColumnSpec(String name, String type, boolean nullable, boolean key, String description) {
}
