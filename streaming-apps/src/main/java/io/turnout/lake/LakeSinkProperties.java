package io.turnout.lake;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The lake sink's settings ({@code turnout.lake.sink.*}).
 *
 * @param rollBytes a file is closed and published once this many bytes were written to it
 * @param rollInterval open files are closed and published at least this often
 * @param gzip write {@code .jsonl.gz} instead of {@code .jsonl}
 * @param group the sink's consumer group
 */
@Validated
@ConfigurationProperties("turnout.lake.sink")
public record LakeSinkProperties(@DefaultValue("134217728") @Min(1024) long rollBytes,
		@DefaultValue("60s") Duration rollInterval, @DefaultValue("false") boolean gzip,
		@DefaultValue("turnout-lake") String group) {
}
