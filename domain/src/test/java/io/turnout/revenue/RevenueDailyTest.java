package io.turnout.revenue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.turnout.attribution.AttributionRow;
import io.turnout.sessions.SessionRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * tables.md, revenue_daily: sessions and last-touch orders per day and channel, one
 * reporting currency.
 */
class RevenueDailyTest {

	private static final LocalDate DAY = LocalDate.parse("2026-03-10");

	private static SessionRow session(String id, String source, String medium, String campaign, String channel) {
		return new SessionRow(id, "k", "k", null, "anon:k", DAY, Instant.parse("2026-03-10T10:00:00Z"),
				Instant.parse("2026-03-10T10:00:00Z"), 0, 1, 1, 0, 0, 0, BigDecimal.ZERO, null, null, source, medium,
				campaign, channel, false);
	}

	private static AttributionRow lastTouch(String orderId, String source, String medium, String campaign,
			String channel, String revenueCredit, String currency, String customer, double credit) {
		return new AttributionRow(orderId, "last_touch", 1, "s", source, medium, campaign, channel, credit,
				new BigDecimal(revenueCredit).setScale(6), currency, Instant.parse("2026-03-10T12:00:00Z"), DAY,
				customer);
	}

	@Test
	void sessionsAndLastTouchOrdersAreGroupedPerChannelSourceMediumAndCampaign() {
		List<RevenueDailyRow> rows = RevenueDaily.of(DAY,
				List.of(session("s1", "google", "cpc", "spring", "Paid Search"),
						session("s2", "google", "cpc", "spring", "Paid Search"),
						session("s3", "google", "cpc", null, "Paid Search")),
				List.of(lastTouch("o1", "google", "cpc", "spring", "Paid Search", "40", "USD", "u1", 1.0),
						lastTouch("o2", "google", "cpc", "spring", "Paid Search", "10.5", "USD", "u1", 1.0),
						lastTouch("o3", "google", "cpc", "spring", "Paid Search", "99", "EUR", "u2", 1.0),
						lastTouch("o4", "google", "cpc", "spring", "Paid Search", "0", "USD", "u3", 0.0)),
				"USD");

		assertThat(rows).containsExactly(
				new RevenueDailyRow(DAY, "Paid Search", "google", "cpc", "spring", 2, 2, new BigDecimal("50.500000"), 1,
						1),
				new RevenueDailyRow(DAY, "Paid Search", "google", "cpc", null, 1, 0, new BigDecimal("0.000000"), 0, 0));
	}

	@Test
	void aGroupWithOnlyOtherCurrencyOrdersStillHasItsRowWithZeroRevenue() {
		List<RevenueDailyRow> rows = RevenueDaily.of(DAY, List.of(),
				List.of(lastTouch("o1", "(direct)", "(none)", null, "Direct", "12", "EUR", "u1", 1.0)), "USD");

		assertThat(rows).containsExactly(
				new RevenueDailyRow(DAY, "Direct", "(direct)", "(none)", null, 0, 0, new BigDecimal("0.000000"), 0, 1));
	}

	@Test
	void onlyTheLastTouchModelCounts() {
		AttributionRow linear = new AttributionRow("o1", "linear", 1, "s", "google", "cpc", null, "Paid Search", 1.0,
				new BigDecimal("40.000000"), "USD", Instant.parse("2026-03-10T12:00:00Z"), DAY, "u1");

		assertThat(RevenueDaily.of(DAY, List.of(), List.of(linear), "USD")).isEmpty();
	}

	@Test
	void theReportingCurrencyIsConfigurable() {
		assertThat(RevenueDaily.of(DAY, List.of(),
				List.of(lastTouch("o1", "(direct)", "(none)", null, "Direct", "12", "EUR", "u1", 1.0)), "EUR"))
			.singleElement()
			.satisfies(row -> {
				assertThat(row.orders()).isEqualTo(1);
				assertThat(row.revenue()).isEqualByComparingTo("12");
				assertThat(row.ordersOtherCurrency()).isZero();
			});
	}

}
