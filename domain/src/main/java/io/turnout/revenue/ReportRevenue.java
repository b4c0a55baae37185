package io.turnout.revenue;

import java.time.LocalDate;
import java.util.List;

/** The revenue-daily use case for one day, in the configured reporting currency. */
public final class ReportRevenue {

	private final RevenueWarehouse warehouse;

	private final String reportingCurrency;

	public ReportRevenue(RevenueWarehouse warehouse, String reportingCurrency) {
		this.warehouse = warehouse;
		this.reportingCurrency = reportingCurrency;
	}

	/** The number of revenue_daily rows of the day. */
	public int restate(LocalDate day) {
		return this.warehouse.inOneTransaction(tables -> {
			List<RevenueDailyRow> rows = RevenueDaily.of(day, tables.sessionsOn(day), tables.lastTouchOn(day),
					this.reportingCurrency);
			tables.replaceRevenueDaily(day, rows);
			return rows.size();
		});
	}

}
