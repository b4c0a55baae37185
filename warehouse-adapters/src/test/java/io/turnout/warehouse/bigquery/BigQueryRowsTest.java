package io.turnout.warehouse.bigquery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.StandardSQLTypeName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The values of a query's rows as the SQL adapters read them, from what the REST API
 * sends: timestamps as seconds since the epoch, decimals at their column's scale.
 */
class BigQueryRowsTest {

	@Test
	void valuesAreTheJavaTypesTheAdaptersRead() {
		assertThat(value(Field.of("event_time", StandardSQLTypeName.TIMESTAMP), "1773133530.123456"))
			.isEqualTo(Instant.parse("2026-03-10T09:05:30.123456Z"));
		assertThat(value(Field.of("event_date", StandardSQLTypeName.DATE), "2026-03-10"))
			.isEqualTo(LocalDate.parse("2026-03-10"));
		assertThat(
				value(Field.newBuilder("revenue", StandardSQLTypeName.NUMERIC).setPrecision(18L).setScale(4L).build(),
						"19.99"))
			.isEqualTo(new BigDecimal("19.9900"));
		assertThat(value(Field.of("duplicate_events", StandardSQLTypeName.INT64), "2")).isEqualTo(2L);
		assertThat(value(Field.of("cart_abandoned", StandardSQLTypeName.BOOL), "true")).isEqualTo(true);
		assertThat(value(Field.of("properties", StandardSQLTypeName.JSON), "{\"a\":1}")).isEqualTo("{\"a\":1}");
		assertThat(value(Field.of("user_id", StandardSQLTypeName.STRING), null)).isNull();
	}

	private static Object value(Field field, String text) {
		return BigQueryRows.valueOf(field, FieldValue.of(FieldValue.Attribute.PRIMITIVE, text));
	}

}
