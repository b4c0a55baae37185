package io.turnout.usecases;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The streaming functions' settings ({@code turnout.streaming.*}).
 *
 * @param enabled on in {@code serve} and {@code demo}
 * @param allowedLateness how long after the end of its day an event still restates the
 * day
 * @param restateInterval how often stale slices are restated
 * @param modeCheckInterval how often a change of mode is looked for
 */
@Validated
@ConfigurationProperties("turnout.streaming")
public record StreamingProperties(@DefaultValue("false") boolean enabled, @DefaultValue("48h") Duration allowedLateness,
		@DefaultValue("1s") Duration restateInterval, @DefaultValue("5s") Duration modeCheckInterval) {
}
