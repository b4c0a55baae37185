package io.turnout.collector;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The collector's settings ({@code turnout.collector.*}).
 *
 * @param sources the sources allowed to send, by name; the name travels on, never the key
 * @param topic the raw topic
 * @param partitions partitions of the raw topic when the collector creates it
 * @param sendTimeout how long a request waits for Kafka to acknowledge every message
 * before 503
 */
@Validated
@ConfigurationProperties("turnout.collector")
public record CollectorProperties(@DefaultValue Map<String, @Valid Source> sources,
		@DefaultValue("turnout.events.raw") @NotBlank String topic, @DefaultValue("6") @Min(1) int partitions,
		@DefaultValue("10s") Duration sendTimeout) {

	/**
	 * One source: its write key, or better the SHA-256 of it in hex, and the browser
	 * origins allowed to send to it.
	 */
	public record Source(String writeKey, String writeKeySha256, @DefaultValue("*") List<String> allowedOrigins) {
	}

}
