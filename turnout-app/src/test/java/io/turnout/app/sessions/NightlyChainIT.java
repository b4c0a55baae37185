package io.turnout.app.sessions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.turnout.app.testing.RunningTurnout;
import io.turnout.jobs.NightlyJobs.JobRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly jobs of #4 in dependency order over the day of {@link SessionsJobIT}:
 * attribution, revenue by channel and abandoned carts, every row written out.
 */
class NightlyChainIT {

	@TempDir
	Path home;

	@Test
	void attributionRevenueAndCartsOfTheDay() throws IOException {
		Path partition = this.home.resolve("lake/events/dt=2026-03-02");
		Files.createDirectories(partition);
		Files.writeString(partition.resolve("part-000.jsonl"), SessionsJobIT.DAY);
		try (RunningTurnout turnout = RunningTurnout.jobsOnly(this.home, Map.of())) {
			LocalDate day = LocalDate.parse("2026-03-02");
			assertThat(turnout.runNightlyChain(List.of(day)))
				.allSatisfy(run -> assertThat(run.outcome()).as(run.message()).isEqualTo(JobRun.Outcome.COMPLETED));

			// o-1 has one touch (the Paid Search session); o-2's customer only came
			// direct.
			assertThat(turnout.query("""
					SELECT order_id, model, touch_index, coalesce(session_id = md5('a1|m-01'), false), source,
					       channel_group, credit, revenue_credit, currency, customer_key
					FROM marketing.attribution ORDER BY order_id, model""")).containsExactly(
					List.of("o-1", "first_touch", "1", "true", "google", "Paid Search", "1.0", "40.000000", "USD",
							"u1"),
					List.of("o-1", "last_touch", "1", "true", "google", "Paid Search", "1.0", "40.000000", "USD", "u1"),
					List.of("o-1", "linear", "1", "true", "google", "Paid Search", "1.0", "40.000000", "USD", "u1"),
					List.of("o-1", "position_based", "1", "true", "google", "Paid Search", "1.0", "40.000000", "USD",
							"u1"),
					List.of("o-1", "time_decay", "1", "true", "google", "Paid Search", "1.0", "40.000000", "USD", "u1"),
					List.of("o-2", "first_touch", "0", "false", "(direct)", "Direct", "1.0", "15.500000", "EUR",
							"7345180"),
					List.of("o-2", "last_touch", "0", "false", "(direct)", "Direct", "1.0", "15.500000", "EUR",
							"7345180"),
					List.of("o-2", "linear", "0", "false", "(direct)", "Direct", "1.0", "15.500000", "EUR", "7345180"),
					List.of("o-2", "position_based", "0", "false", "(direct)", "Direct", "1.0", "15.500000", "EUR",
							"7345180"),
					List.of("o-2", "time_decay", "0", "false", "(direct)", "Direct", "1.0", "15.500000", "EUR",
							"7345180"));

			// Revenue in USD only; the EUR order is counted apart on the Direct row.
			assertThat(turnout.query("""
					SELECT channel_group, source, coalesce(medium, '-'), coalesce(campaign, '-'), sessions, orders,
					       revenue, customers, orders_other_currency
					FROM marketing.revenue_daily ORDER BY channel_group""")).containsExactly(
					List.of("Direct", "(direct)", "(none)", "-", "4", "0", "0.000000", "0", "1"),
					List.of("Organic Search", "google.com", "organic", "-", "1", "0", "0.000000", "0", "0"),
					List.of("Paid Search", "google", "cpc", "spring", "1", "1", "40.000000", "1", "0"));

			assertThat(turnout.query("""
					SELECT customer_key, anonymous_id, strftime(last_product_added_at, '%H:%M'),
					       strftime(abandoned_at, '%H:%M'), cart_value, items, session_id = md5('a9|m-12')
					FROM marketing.cart_abandonments"""))
				.containsExactly(List.of("anon:a9", "a9", "12:01", "12:31", "5.0000", "1", "true"));
		}
	}

	@Test
	void anOrderThatHasNoCustomerKeyYetGetsItByTheSameRuleAsSessionsGiveIt() throws IOException {
		Path partition = this.home.resolve("lake/events/dt=2026-03-02");
		Files.createDirectories(partition);
		Files.writeString(partition.resolve("part-000.jsonl"), SessionsJobIT.DAY);
		try (RunningTurnout turnout = RunningTurnout.jobsOnly(this.home, Map.of())) {
			LocalDate day = LocalDate.parse("2026-03-02");
			turnout.runJob("events", day, false);

			// #4: under continuous streaming, orders arrive between the sessions and the
			// attribution
			// restatements; attribution must not wait for sessions to have placed them.
			assertThat(turnout.runJob("attribution", day, false).outcome()).isEqualTo(JobRun.Outcome.COMPLETED);

			assertThat(turnout.query("SELECT DISTINCT order_id, customer_key FROM marketing.attribution ORDER BY 1"))
				.containsExactly(List.of("o-1", "u1"), List.of("o-2", "7345180"));
		}
	}

}
