package io.turnout.app;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the lake is ({@code turnout.lake.path}, by default {@code ${turnout.home}/lake}).
 */
@Validated
@ConfigurationProperties("turnout.lake")
public record LakeProperties(@NotNull Path path) {
}
