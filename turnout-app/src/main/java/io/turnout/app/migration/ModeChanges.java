package io.turnout.app.migration;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import io.turnout.app.migration.ModeChangeResult.Refusal;
import io.turnout.app.usecases.ConfiguredModes;
import io.turnout.app.usecases.ModeOverride;
import io.turnout.app.usecases.ModeOverrides;
import io.turnout.jobs.UseCaseLeases;
import io.turnout.migration.ModeChangeRules;
import io.turnout.migration.ModeChangeRules.Decision;
import io.turnout.usecases.Mode;
import io.turnout.usecases.UseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Run-time changes of mode ({@code mode set}, {@code mode clear} and the admin API): each
 * one checked against the rules of migration.md, made in one control-database transaction
 * with the use case's lease (so never while its nightly job runs), and audited, allowed
 * or refused.
 */
public class ModeChanges {

	private static final Logger log = LoggerFactory.getLogger(ModeChanges.class);

	private final ConfiguredModes modes;

	private final ModeOverrides overrides;

	private final ModeChangeRecords audit;

	private final ParityReports parity;

	private final ModeChangeRules rules;

	private final UseCaseLeases leases;

	private final TransactionTemplate transactions;

	private final Clock clock;

	public ModeChanges(ConfiguredModes modes, ModeOverrides overrides, ModeChangeRecords audit, ParityReports parity,
			ModeChangeRules rules, UseCaseLeases leases, TransactionTemplate transactions, Clock clock) {
		this.modes = modes;
		this.overrides = overrides;
		this.audit = audit;
		this.parity = parity;
		this.rules = rules;
		this.leases = leases;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Overrides a use case's mode until cleared. */
	public ModeChangeResult set(String useCase, String mode, boolean force, String reason, Caller caller) {
		return change(useCase, Optional.of(mode), force, reason, caller);
	}

	/** Clears a use case's override: its configured mode applies again. */
	public ModeChangeResult clear(String useCase, String reason, Caller caller) {
		return change(useCase, Optional.empty(), false, reason, caller);
	}

	private ModeChangeResult change(String useCaseCode, Optional<String> modeCode, boolean force, String reason,
			Caller caller) {
		Instant now = this.clock.instant();
		UseCase useCase;
		Mode target;
		try {
			useCase = UseCase.fromCode(useCaseCode);
		}
		catch (IllegalArgumentException ex) {
			return refused(Refusal.UNKNOWN_USE_CASE, useCaseCode, null, modeCode.orElse(null), force, caller, now,
					ex.getMessage());
		}
		try {
			target = modeCode.map(Mode::fromCode).orElseGet(() -> this.modes.configuredModeOf(useCase));
		}
		catch (IllegalArgumentException ex) {
			return refused(Refusal.UNKNOWN_MODE, useCaseCode, this.modes.currentModeOf(useCase).code(),
					modeCode.orElse(null), force, caller, now, ex.getMessage());
		}
		return this.transactions.execute(status -> {
			Optional<UseCaseLeases.Lease> busy = this.leases.take(useCase.code(), "change of mode by " + caller.name());
			if (busy.isPresent()) {
				return refused(Refusal.BUSY, useCaseCode, this.modes.currentModeOf(useCase).code(),
						modeCode.orElse(null), force, caller, now,
						"The mode of '" + useCase.code() + "' cannot change while the " + busy.get().describe()
								+ " is running: a nightly job and a switch never write the same day at once. "
								+ "Try again when it is done.");
			}
			try {
				Map<UseCase, Mode> modesNow = new EnumMap<>(UseCase.class);
				for (UseCase each : UseCase.values()) {
					modesNow.put(each, this.modes.currentModeOf(each));
				}
				Decision decision = this.rules.decide(useCase, target, modesNow,
						this.parity.resultsByDay(useCase.code()), LocalDate.ofInstant(now, ZoneOffset.UTC), force);
				if (decision instanceof Decision.Refused refusal) {
					return refused(Refusal.RULES, useCaseCode, refusal.from().code(), modeCode.orElse(null), force,
							caller, now, refusal.reason());
				}
				Decision.Allowed allowed = (Decision.Allowed) decision;
				Optional<ModeOverride> existing = this.overrides.findById(useCase.code());
				if (modeCode.isPresent()) {
					this.overrides.save(new ModeOverride(useCase.code(), target.code(),
							caller.name() + " (" + caller.channel() + ")", now, reason,
							existing.map(ModeOverride::version).orElse(null)));
				}
				else {
					existing.ifPresent(this.overrides::delete);
				}
				this.audit.save(new ModeChangeRecord(null, useCase.code(), allowed.from().code(),
						modeCode.isPresent() ? target.code() : null, allowed.forced(), caller.name(), caller.channel(),
						now, ModeChangeRecord.APPLIED, reason));
				String message = "'" + useCase.code() + "' now runs " + target.code() + " (was " + allowed.from().code()
						+ (modeCode.isPresent() ? "; override set" : "; override cleared, configured mode applies")
						+ (allowed.forced() ? "; FORCED past the parity guard" : "")
						+ "). Running instances pick it up within seconds.";
				log.info("mode change by {} ({}): {}", caller.name(), caller.channel(), message);
				return ModeChangeResult.applied(message);
			}
			finally {
				this.leases.release(useCase.code());
			}
		});
	}

	/**
	 * Records a change refused before it reached the rules: a caller without the admin
	 * token, say.
	 */
	public ModeChangeResult refuse(Refusal refusal, String useCase, String mode, boolean force, Caller caller,
			String why) {
		return refused(refusal, useCase, null, mode, force, caller, this.clock.instant(), why);
	}

	private ModeChangeResult refused(Refusal refusal, String useCase, String from, String to, boolean force,
			Caller caller, Instant now, String why) {
		this.audit.save(new ModeChangeRecord(null, useCase, from, to, force, caller.name(), caller.channel(), now,
				ModeChangeRecord.REFUSED, why));
		log.warn("mode change by {} ({}) refused: {}", caller.name(), caller.channel(), why);
		return ModeChangeResult.refused(refusal, why);
	}

}
