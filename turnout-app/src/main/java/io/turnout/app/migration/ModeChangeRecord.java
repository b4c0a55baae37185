package io.turnout.app.migration;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One attempt to change a use case's mode, allowed or refused: the audit trail of
 * migration.md.
 *
 * @param useCase as asked, even when no such use case exists
 * @param fromMode the effective mode before; null when the use case is unknown
 * @param toMode as asked; null when an override was cleared
 * @param channel {@code cli} or {@code http}
 * @param outcome {@code applied} or {@code refused}
 * @param reason the operator's reason when applied, why it was refused otherwise
 */
@Table("turnout_mode_change")
public record ModeChangeRecord(@Id Long id, String useCase, String fromMode, String toMode, boolean forced,
		String requestedBy, String channel, Instant requestedAt, String outcome, String reason) {

	public static final String APPLIED = "applied";

	public static final String REFUSED = "refused";

}
