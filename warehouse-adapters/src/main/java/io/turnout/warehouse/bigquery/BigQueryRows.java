package io.turnout.warehouse.bigquery;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.TableResult;

/**
 * The rows of a query as the SQL adapters read them: each value as the Java type of its
 * column (text, {@code Long}, {@code BigDecimal}, {@code Double}, {@code Boolean}, an
 * {@code Instant} for a timestamp, a {@code LocalDate} for a date).
 */
final class BigQueryRows {

	private BigQueryRows() {
	}

	static List<Object[]> of(TableResult result) {
		FieldList fields = result.getSchema().getFields();
		List<Object[]> rows = new ArrayList<>();
		for (FieldValueList values : result.iterateAll()) {
			Object[] row = new Object[fields.size()];
			for (int i = 0; i < fields.size(); i++) {
				row[i] = valueOf(fields.get(i), values.get(i));
			}
			rows.add(row);
		}
		return rows;
	}

	static Object valueOf(Field field, FieldValue value) {
		if (value == null || value.isNull()) {
			return null;
		}
		StandardSQLTypeName type = field.getType().getStandardType();
		return switch (type) {
			case STRING, JSON -> value.getStringValue();
			case INT64 -> value.getLongValue();
			// At the column's scale, as DuckDB and Snowflake return DECIMAL(18, 4).
			case NUMERIC, BIGNUMERIC -> (field.getScale() != null)
					? value.getNumericValue().setScale(field.getScale().intValue()) : value.getNumericValue();
			case FLOAT64 -> value.getDoubleValue();
			case BOOL -> value.getBooleanValue();
			case TIMESTAMP -> value.getTimestampInstant();
			case DATE -> LocalDate.parse(value.getStringValue());
			case DATETIME -> LocalDateTime.parse(value.getStringValue());
			default -> throw new IllegalStateException(
					"Column " + field.getName() + " has type " + type + ", which Turnout's tables do not use");
		};
	}

}
