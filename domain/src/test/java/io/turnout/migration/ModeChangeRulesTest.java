package io.turnout.migration;

import java.time.LocalDate;
import java.util.Map;

import io.turnout.migration.ModeChangeRules.Decision;
import io.turnout.usecases.Mode;
import io.turnout.usecases.UseCase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * migration.md, Modes: a change of mode keeps the dependency rule, and a cut-over to
 * streaming needs the last closed days to have passed parity in shadow, unless forced.
 */
class ModeChangeRulesTest {

	private static final LocalDate TODAY = LocalDate.parse("2026-06-10");

	private final ModeChangeRules rules = new ModeChangeRules(3);

	private final Map<UseCase, Mode> eventsStreamingSessionsShadow = Map.of(UseCase.EVENTS, Mode.STREAMING,
			UseCase.SESSIONS, Mode.SHADOW);

	@Test
	void aCutOverAfterThreePassingDaysIsAllowed() {
		Decision decision = this.rules.decide(UseCase.SESSIONS, Mode.STREAMING, this.eventsStreamingSessionsShadow,
				Map.of(day(9), true, day(8), true, day(7), true, day(6), false), TODAY, false);

		assertThat(decision).isEqualTo(new Decision.Allowed(Mode.SHADOW, Mode.STREAMING, false));
	}

	@Test
	void aCutOverIsRefusedNamingTheDaysThatFailedOrWereNotChecked() {
		Decision decision = this.rules.decide(UseCase.SESSIONS, Mode.STREAMING, this.eventsStreamingSessionsShadow,
				Map.of(day(9), true, day(8), false), TODAY, false);

		assertThat(decision).isInstanceOf(Decision.Refused.class);
		assertThat(((Decision.Refused) decision).reason())
			.contains("2026-06-08 failed parity", "2026-06-07 has no parity check", "--force")
			.doesNotContain("2026-06-09");
	}

	@Test
	void aForcedCutOverIsAllowedAndMarkedForced() {
		Decision decision = this.rules.decide(UseCase.SESSIONS, Mode.STREAMING, this.eventsStreamingSessionsShadow,
				Map.of(), TODAY, true);

		assertThat(decision).isEqualTo(new Decision.Allowed(Mode.SHADOW, Mode.STREAMING, true));
	}

	@Test
	void forceNeverOverridesTheDependencyRule() {
		Decision decision = this.rules.decide(UseCase.ATTRIBUTION, Mode.STREAMING, this.eventsStreamingSessionsShadow,
				Map.of(), TODAY, true);

		assertThat(decision).isInstanceOf(Decision.Refused.class);
		assertThat(((Decision.Refused) decision).reason()).contains("'attribution'", "'sessions'");
	}

	@Test
	void rollingBackAndGoingToShadowNeedNoParity() {
		assertThat(this.rules.decide(UseCase.SESSIONS, Mode.BATCH, this.eventsStreamingSessionsShadow, Map.of(), TODAY,
				false))
			.isEqualTo(new Decision.Allowed(Mode.SHADOW, Mode.BATCH, false));
		assertThat(this.rules.decide(UseCase.CART_ABANDONMENT, Mode.SHADOW, this.eventsStreamingSessionsShadow,
				Map.of(), TODAY, false))
			.isEqualTo(new Decision.Allowed(Mode.BATCH, Mode.SHADOW, false));
	}

	@Test
	void aDependencyCannotFallBehindWhatDependsOnIt() {
		Decision decision = this.rules.decide(UseCase.EVENTS, Mode.BATCH, this.eventsStreamingSessionsShadow, Map.of(),
				TODAY, false);

		assertThat(decision).isInstanceOf(Decision.Refused.class);
		assertThat(((Decision.Refused) decision).reason()).contains("'sessions' cannot run shadow while 'events'");
	}

	private static LocalDate day(int dayOfMonth) {
		return TODAY.withDayOfMonth(dayOfMonth);
	}

}
