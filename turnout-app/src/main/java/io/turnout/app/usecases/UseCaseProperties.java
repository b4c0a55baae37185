package io.turnout.app.usecases;

import java.util.Map;

import io.turnout.usecases.Mode;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The configured mode of each use case ({@code turnout.use-cases.<name>.mode}); a use
 * case not named runs {@code batch}.
 */
@Validated
@ConfigurationProperties("turnout")
public record UseCaseProperties(@DefaultValue Map<String, UseCaseSettings> useCases) {

	/** One use case's settings. */
	public record UseCaseSettings(@DefaultValue("batch") Mode mode) {
	}

}
