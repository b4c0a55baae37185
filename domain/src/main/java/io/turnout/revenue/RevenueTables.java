package io.turnout.revenue;

import java.time.LocalDate;
import java.util.List;

import io.turnout.attribution.AttributionRow;
import io.turnout.sessions.SessionRow;

/** What the revenue-daily use case reads and writes, within one warehouse transaction. */
public interface RevenueTables {

	/** The sessions that started on one day. */
	List<SessionRow> sessionsOn(LocalDate day);

	/** The last_touch attribution rows of the orders of one day. */
	List<AttributionRow> lastTouchOn(LocalDate day);

	/** Replaces the day's revenue_daily rows. */
	void replaceRevenueDaily(LocalDate day, List<RevenueDailyRow> rows);

}
