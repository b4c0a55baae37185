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
 * The sessions nightly job over a hand-written day (#4): the rows of tables.md, written
 * out.
 */
class SessionsJobIT {

	static final String DAY = """
			{"type":"page","messageId":"m-01","anonymousId":"a1","timestamp":"2026-03-02T10:00:00Z","receivedAt":"2026-03-02T10:00:01Z","properties":{"url":"https://shop.example.com/?utm_source=google"},"context":{"campaign":{"source":"Google","medium":"cpc","name":"spring"}}}
			{"type":"track","messageId":"m-02","anonymousId":"a1","event":"CTA Clicked","timestamp":"2026-03-02T10:01:00Z","receivedAt":"2026-03-02T10:01:01Z"}
			{"type":"track","messageId":"m-03","anonymousId":"a1","event":"Product Added","timestamp":"2026-03-02T10:02:00Z","receivedAt":"2026-03-02T10:02:01Z","properties":{"product_id":"sku-1","price":20,"quantity":2}}
			{"type":"identify","messageId":"m-04","anonymousId":"a1","userId":"u1","timestamp":"2026-03-02T10:03:00Z","receivedAt":"2026-03-02T10:03:01Z"}
			{"type":"track","messageId":"m-05","anonymousId":"a1","userId":"u1","event":"Order Completed","timestamp":"2026-03-02T10:04:00Z","receivedAt":"2026-03-02T10:04:01Z","properties":{"order_id":"o-1","revenue":40}}
			{"type":"track","messageId":"m-06","anonymousId":"a1","userId":"u1","event":"Order Completed","timestamp":"2026-03-02T10:04:05Z","receivedAt":"2026-03-02T10:04:06Z","properties":{"order_id":"o-1","revenue":40}}
			{"type":"page","messageId":"m-07","anonymousId":"a2","timestamp":"2026-03-02T09:00:00Z","receivedAt":"2026-03-02T09:00:01Z","context":{"page":{"referrer":"https://www.google.com/"}}}
			{"type":"track","messageId":"m-08","userId":7345180,"event":"Order Completed","timestamp":"2026-03-02T11:00:00Z","receivedAt":"2026-03-02T11:00:01Z","properties":{"order_id":"o-2","total":15.5,"currency":"eur"}}
			{"type":"page","messageId":"m-09","anonymousId":"a3","timestamp":"2026-03-02T23:59:59.999Z","receivedAt":"2026-03-03T00:00:01Z"}
			{"type":"page","messageId":"m-11","anonymousId":"a1","timestamp":"2026-03-02T10:40:00Z","receivedAt":"2026-03-02T10:40:01Z"}
			{"type":"page","messageId":"m-12","anonymousId":"a9","timestamp":"2026-03-02T12:00:00Z","receivedAt":"2026-03-02T12:00:01Z"}
			{"type":"track","messageId":"m-13","anonymousId":"a9","event":"Product Added","timestamp":"2026-03-02T12:01:00Z","receivedAt":"2026-03-02T12:01:01Z","properties":{"product_id":"sku-9","price":5}}
			""";

	@TempDir
	Path home;

	@Test
	void theSessionsOfADayAndTheirOrdersAreWhatTablesMdSays() throws IOException {
		Path partition = this.home.resolve("lake/events/dt=2026-03-02");
		Files.createDirectories(partition);
		Files.writeString(partition.resolve("part-000.jsonl"), DAY);
		try (RunningTurnout turnout = RunningTurnout.jobsOnly(this.home, Map.of())) {
			LocalDate day = LocalDate.parse("2026-03-02");
			assertThat(turnout.runJob("events", day, false).outcome()).isEqualTo(JobRun.Outcome.COMPLETED);

			JobRun sessions = turnout.runJob("sessions", day, false);

			assertThat(sessions.outcome()).as(sessions.message()).isEqualTo(JobRun.Outcome.COMPLETED);
			assertThat(sessions.message()).contains("sessions 6", "orders placed 2");
			assertThat(turnout.query("""
					SELECT session_key, coalesce(anonymous_id, '-'), coalesce(user_id, '-'), customer_key,
					       strftime(started_at, '%H:%M:%S'), duration_seconds, events, page_views, clicks,
					       products_added, orders, revenue, coalesce(landing_url, '-'), source, medium,
					       coalesce(campaign, '-'), channel_group, cart_abandoned
					FROM marketing.sessions ORDER BY started_at, session_key""")).containsExactly(
					List.of("a2", "a2", "-", "anon:a2", "09:00:00", "0", "1", "1", "0", "0", "0", "0.0000", "-",
							"google.com", "organic", "-", "Organic Search", "false"),
					List.of("a1", "a1", "u1", "u1", "10:00:00", "245", "5", "1", "1", "1", "1", "40.0000",
							"https://shop.example.com/?utm_source=google", "google", "cpc", "spring", "Paid Search",
							"false"),
					List.of("a1", "a1", "-", "u1", "10:40:00", "0", "1", "1", "0", "0", "0", "0.0000", "-", "(direct)",
							"(none)", "-", "Direct", "false"),
					List.of("user:7345180", "-", "7345180", "7345180", "11:00:00", "0", "1", "0", "0", "0", "1",
							"15.5000", "-", "(direct)", "(none)", "-", "Direct", "false"),
					List.of("a9", "a9", "-", "anon:a9", "12:00:00", "60", "2", "1", "0", "1", "0", "0.0000", "-",
							"(direct)", "(none)", "-", "Direct", "true"),
					List.of("a3", "a3", "-", "anon:a3", "23:59:59", "0", "1", "1", "0", "0", "0", "0.0000", "-",
							"(direct)", "(none)", "-", "Direct", "false"));
			assertThat(turnout
				.query("SELECT count(*) FROM marketing.sessions WHERE session_id = md5(session_key || '|' || "
						+ "CASE session_key WHEN 'a1' THEN (CASE WHEN events = 5 THEN 'm-01' ELSE 'm-11' END) "
						+ "WHEN 'a2' THEN 'm-07' WHEN 'a3' THEN 'm-09' WHEN 'a9' THEN 'm-12' ELSE 'm-08' END)"))
				.containsExactly(List.of("6"));
			assertThat(turnout
				.query("SELECT order_id, customer_key, session_id = md5(?) FROM marketing.orders ".replace("?",
						"CASE order_id WHEN 'o-1' THEN 'a1|m-01' ELSE 'user:7345180|m-08' END") + "ORDER BY order_id"))
				.containsExactly(List.of("o-1", "u1", "true"), List.of("o-2", "7345180", "true"));

			assertThat(turnout.runJob("sessions", day, true).outcome()).isEqualTo(JobRun.Outcome.COMPLETED);
			assertThat(turnout.count("sessions")).as("a re-run replaces the day's slice").isEqualTo(6);
		}
	}

}
