package io.turnout.attribution;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.turnout.events.OrderRow;
import io.turnout.sessions.SessionRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * tables.md, attribution: each model with n = 0, 1, 2, 3+, the lookback, time decay and
 * rounding.
 */
class AttributionTest {

	private static final String ORDERED_AT = "2026-03-10T12:00:00Z";

	private static OrderRow order(String revenue) {
		return new OrderRow("o-1", "m-1", Instant.parse(ORDERED_AT), LocalDate.parse("2026-03-10"), "a1", "u1", "u1",
				null, new BigDecimal(revenue).setScale(4), "USD", 0);
	}

	private static SessionRow session(String id, String startedAt, String customerKey, String channel) {
		return new SessionRow(id, "a1", "a1", null, customerKey, LocalDate.parse(startedAt.substring(0, 10)),
				Instant.parse(startedAt), Instant.parse(startedAt), 0, 1, 1, 0, 0, 0, BigDecimal.ZERO, null, null,
				channel.equals("Direct") ? "(direct)" : "src-" + id, channel.equals("Direct") ? "(none)" : "cpc", null,
				channel, false);
	}

	private static SessionRow touch(String id, String startedAt) {
		return session(id, startedAt, "u1", "Paid Search");
	}

	private static Map<String, List<Double>> creditsByModel(List<AttributionRow> rows) {
		return rows.stream()
			.collect(Collectors.groupingBy(AttributionRow::model,
					Collectors.mapping(AttributionRow::credit, Collectors.toList())));
	}

	@Test
	void withoutTouchesEveryModelCreditsTheDirectChannel() {
		List<AttributionRow> rows = Attribution.of(order("40"), "u1",
				List.of(session("d", "2026-03-10T11:00:00Z", "u1", "Direct")));

		assertThat(rows).hasSize(5).allSatisfy(row -> {
			assertThat(row.touchIndex()).isZero();
			assertThat(row.sessionId()).isNull();
			assertThat(row.source()).isEqualTo("(direct)");
			assertThat(row.medium()).isEqualTo("(none)");
			assertThat(row.channelGroup()).isEqualTo("Direct");
			assertThat(row.credit()).isEqualTo(1.0);
			assertThat(row.revenueCredit()).isEqualByComparingTo("40.000000");
		});
		assertThat(rows).extracting(AttributionRow::model)
			.containsExactlyInAnyOrder("first_touch", "last_touch", "linear", "position_based", "time_decay");
	}

	@Test
	void oneTouchGetsAllTheCreditInEveryModel() {
		List<AttributionRow> rows = Attribution.of(order("40"), "u1", List.of(touch("s1", "2026-03-09T12:00:00Z")));

		assertThat(creditsByModel(rows)).containsEntry("first_touch", List.of(1.0))
			.containsEntry("last_touch", List.of(1.0))
			.containsEntry("linear", List.of(1.0))
			.containsEntry("position_based", List.of(1.0))
			.containsEntry("time_decay", List.of(1.0));
	}

	@Test
	void twoTouches() {
		Map<String, List<Double>> credits = creditsByModel(Attribution.of(order("40"), "u1",
				List.of(touch("s2", "2026-03-09T12:00:00Z"), touch("s1", "2026-03-08T12:00:00Z"))));

		assertThat(credits).containsEntry("first_touch", List.of(1.0, 0.0))
			.containsEntry("last_touch", List.of(0.0, 1.0))
			.containsEntry("linear", List.of(0.5, 0.5))
			.containsEntry("position_based", List.of(0.5, 0.5));
	}

	@Test
	void fourTouchesPositionBasedGivesFirstAndLast40PercentAndSharesTheRest() {
		Map<String, List<Double>> credits = creditsByModel(Attribution.of(order("100"), "u1",
				List.of(touch("s1", "2026-03-04T12:00:00Z"), touch("s2", "2026-03-05T12:00:00Z"),
						touch("s3", "2026-03-06T12:00:00Z"), touch("s4", "2026-03-07T12:00:00Z"))));

		assertThat(credits.get("position_based")).containsExactly(0.4, 0.1, 0.1, 0.4);
		assertThat(credits.get("linear")).containsExactly(0.25, 0.25, 0.25, 0.25);
		assertThat(credits.get("first_touch")).containsExactly(1.0, 0.0, 0.0, 0.0);
	}

	@Test
	void timeDecayHalvesTheWeightEverySevenDays() {
		List<AttributionRow> rows = Attribution.of(order("100"), "u1",
				List.of(touch("old", "2026-03-06T12:00:00Z"), touch("new", "2026-03-10T00:00:00Z")));
		List<Double> credits = creditsByModel(rows).get("time_decay");
		double oldWeight = Math.pow(2, -(4 * 86_400) / 604_800.0);
		double newWeight = Math.pow(2, -(12 * 3_600) / 604_800.0);

		assertThat(credits.get(0)).isCloseTo(oldWeight / (oldWeight + newWeight), within(1e-12));
		// The ages differ by 3.5 days, half a half-life: the older touch gets 1 / (1 +
		// sqrt 2).
		assertThat(credits.get(0)).isCloseTo(0.41421, within(1e-5));
		assertThat(credits.get(1)).isCloseTo(0.58579, within(1e-5));
	}

	@Test
	void timeDecayAgesKeepMicroseconds() {
		List<Double> credits = creditsByModel(Attribution.of(order("1"), "u1",
				List.of(touch("a", "2026-03-09T12:00:00Z"), touch("b", "2026-03-09T12:00:00.000001Z"))))
			.get("time_decay");

		assertThat(credits.get(0)).isLessThan(credits.get(1));
	}

	@Test
	void theLookbackIsSevenDaysExcludedAndTheOrderTimeIncluded() {
		List<SessionRow> touches = Attribution.touchesOf(order("1"), "u1",
				List.of(touch("exactly-7-days", "2026-03-03T12:00:00Z"),
						touch("just-inside", "2026-03-03T12:00:00.000001Z"), touch("at-order", ORDERED_AT),
						touch("after", "2026-03-10T12:00:00.000001Z"),
						session("other-customer", "2026-03-09T12:00:00Z", "u2", "Paid Search"),
						session("direct", "2026-03-09T12:00:00Z", "u1", "Direct")));

		assertThat(touches).extracting(SessionRow::sessionId).containsExactly("just-inside", "at-order");
	}

	@Test
	void touchesAtTheSameTimeAreOrderedBySessionId() {
		assertThat(Attribution.touchesOf(order("1"), "u1",
				List.of(touch("b", "2026-03-09T12:00:00Z"), touch("a", "2026-03-09T12:00:00Z"))))
			.extracting(SessionRow::sessionId)
			.containsExactly("a", "b");
	}

	@Test
	void revenueCreditIsRevenueTimesTheShortestDecimalOfTheCreditRoundedHalfEven() {
		List<SessionRow> eight = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			eight.add(touch("s" + i, "2026-03-09T0" + i + ":00:00Z"));
		}
		List<AttributionRow> linear = Attribution.of(order("0.0001"), "u1", eight)
			.stream()
			.filter(row -> row.model().equals("linear"))
			.toList();

		// 0.0001 x 0.125 = 0.0000125: half-even keeps 0.000012 (half-up would give
		// 0.000013).
		assertThat(linear).allSatisfy(row -> assertThat(row.revenueCredit()).isEqualTo(new BigDecimal("0.000012")));
		assertThat(Attribution.revenueCredit(new BigDecimal("10.0000"), 1.0 / 3)).isEqualTo(new BigDecimal("3.333333"));
	}

	@Test
	void creditsSumToOnePerModel() {
		List<AttributionRow> rows = Attribution.of(order("99.99"), "u1", List.of(touch("s1", "2026-03-04T12:00:00Z"),
				touch("s2", "2026-03-05T13:00:00Z"), touch("s3", "2026-03-09T12:00:00Z")));

		creditsByModel(rows)
			.forEach((model, credits) -> assertThat(credits.stream().mapToDouble(Double::doubleValue).sum()).as(model)
				.isCloseTo(1.0, within(1e-12)));
		assertThat(rows).allSatisfy(row -> {
			assertThat(row.customerKey()).isEqualTo("u1");
			assertThat(row.eventDate()).hasToString("2026-03-10");
			assertThat(row.currency()).isEqualTo("USD");
		});
	}

}
