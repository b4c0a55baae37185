package io.turnout.jobs;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The built-in nightly scheduler ({@code turnout.schedule.*}).
 *
 * @param enabled on in {@code serve}; off where an external scheduler calls
 * {@code job run}
 * @param graceUntil the UTC time of day after which the day that closed at midnight is
 * run
 * @param checkEvery how often the scheduler looks for due work
 */
@Validated
@ConfigurationProperties("turnout.schedule")
public record NightlyScheduleProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("02:00") LocalTime graceUntil, @DefaultValue("10m") Duration checkEvery) {
}
