package io.turnout.app.usecases;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A run-time mode set by an operator, which wins over configuration until cleared. */
@Table("turnout_mode_override")
public record ModeOverride(@Id String useCase, String mode, String setBy, Instant setAt, String reason,
		@Version Long version) {
}
