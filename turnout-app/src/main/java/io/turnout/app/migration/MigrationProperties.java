package io.turnout.app.migration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the migration path ({@code turnout.migration.*}).
 *
 * @param requiredParityDays closed days that must have passed the parity check in shadow
 * before a use case may switch to streaming
 */
@Validated
@ConfigurationProperties("turnout.migration")
public record MigrationProperties(@DefaultValue("3") @Min(1) @Max(366) int requiredParityDays) {
}
