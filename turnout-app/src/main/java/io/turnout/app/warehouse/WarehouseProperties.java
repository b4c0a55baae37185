package io.turnout.app.warehouse;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which warehouse the use cases write ({@code turnout.warehouse.*}).
 *
 * @param type {@code duckdb}, {@code snowflake} or {@code bigquery}
 * @param duckdb the embedded DuckDB file, by default
 * {@code ${turnout.home}/warehouse.duckdb}
 */
@Validated
@ConfigurationProperties("turnout.warehouse")
public record WarehouseProperties(@DefaultValue("duckdb") @NotNull Type type, @DefaultValue DuckDb duckdb) {

	/** The warehouses Turnout writes. */
	public enum Type {

		DUCKDB, SNOWFLAKE, BIGQUERY

	}

	/** The embedded DuckDB warehouse. */
	public record DuckDb(Path path) {
	}

}
