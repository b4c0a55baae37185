package io.turnout.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.turnout.attribution.AttributionModel;
import io.turnout.attribution.AttributionRow;
import io.turnout.sessions.SessionRow;

/**
 * The revenue_daily rule of tables.md: one row per (day, channel group, source, medium,
 * campaign) that has sessions or orders; orders follow their {@code last_touch} row (the
 * one with credit 1); revenue is summed in the reporting currency only, and orders in any
 * other currency are counted apart.
 */
public final class RevenueDaily {

	private RevenueDaily() {
	}

	/**
	 * @param sessions the sessions started on the day
	 * @param attribution attribution rows of the orders of the day (any model; only the
	 * last_touch row with credit 1 counts)
	 */
	public static List<RevenueDailyRow> of(LocalDate day, List<SessionRow> sessions, List<AttributionRow> attribution,
			String reportingCurrency) {
		Map<Key, Totals> groups = new LinkedHashMap<>();
		for (SessionRow session : sessions) {
			groups.computeIfAbsent(Key.of(session), key -> new Totals()).sessions++;
		}
		for (AttributionRow row : attribution) {
			if (!row.model().equals(AttributionModel.LAST_TOUCH.code()) || row.credit() != 1.0) {
				continue;
			}
			Totals totals = groups.computeIfAbsent(Key.of(row), key -> new Totals());
			if (reportingCurrency.equals(row.currency())) {
				totals.orders++;
				totals.revenue = totals.revenue.add(row.revenueCredit());
				totals.customers.add(row.customerKey());
			}
			else {
				totals.ordersOtherCurrency++;
			}
		}
		List<RevenueDailyRow> rows = new ArrayList<>(groups.size());
		groups.forEach((key,
				totals) -> rows.add(new RevenueDailyRow(day, key.channelGroup(), key.source(), key.medium(),
						key.campaign(), totals.sessions, totals.orders, totals.revenue, totals.customers.size(),
						totals.ordersOtherCurrency)));
		return rows;
	}

	/**
	 * The grouping key; records compare null-safe, as the spec asks of a null campaign.
	 */
	private record Key(String channelGroup, String source, String medium, String campaign) {

		static Key of(SessionRow session) {
			return new Key(session.channelGroup(), session.source(), session.medium(), session.campaign());
		}

		static Key of(AttributionRow row) {
			return new Key(row.channelGroup(), row.source(), row.medium(), row.campaign());
		}

	}

	private static final class Totals {

		long sessions;

		long orders;

		BigDecimal revenue = BigDecimal.ZERO.setScale(6);

		final Set<String> customers = new HashSet<>();

		long ordersOtherCurrency;

	}

}
