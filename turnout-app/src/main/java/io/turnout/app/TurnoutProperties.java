package io.turnout.app;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Platform-wide settings ({@code turnout.*}).
 *
 * @param home where the embedded defaults keep their files
 * @param reportingCurrency the one currency revenue is reported in (tables.md,
 * revenue_daily)
 */
@Validated
@ConfigurationProperties("turnout")
public record TurnoutProperties(@DefaultValue("./turnout-data") @NotNull Path home,
		@DefaultValue("USD") @Pattern(regexp = "[A-Z]{3}",
				message = "must be an ISO 4217 code in upper case, like USD") String reportingCurrency) {
}
