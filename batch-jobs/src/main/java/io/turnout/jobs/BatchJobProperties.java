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
 * @param validationThreads threads that validate the lake day's lines ahead of the writer
 * (read order is kept; up to one chunk is read ahead); 0 means one per processor but one,
 * which the writer keeps for itself: on two cores a second validation thread only takes
 * the writer's turns, and the job is slower
 */
@Validated
@ConfigurationProperties("turnout.batch")
public record BatchJobProperties(@DefaultValue("50000") @Min(1) @Max(1_000_000) int chunkSize,
		@DefaultValue("0") @Min(0) @Max(64) int validationThreads) {

	public int validationThreadsOrDefault() {
		return (this.validationThreads > 0) ? this.validationThreads
				: Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
	}

}
