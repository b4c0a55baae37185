package io.turnout.jobs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the nightly jobs ({@code turnout.batch.*}).
 *
 * @param chunkSize messages per chunk: one warehouse transaction and one restart point
 */
@Validated
@ConfigurationProperties("turnout.batch")
public record BatchJobProperties(@DefaultValue("20000") @Min(1) @Max(1_000_000) int chunkSize) {
}
