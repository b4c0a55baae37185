package io.turnout.sessions;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.turnout.events.EventRow;
import io.turnout.events.Hashes;
import io.turnout.events.IdentityLink;
import io.turnout.events.OrderRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** tables.md, sessions: one test per rule, the spec's numbers written out. */
class SessionsTest {

	private static final LinkedUsers NO_LINKS = LinkedUsers.of(List.of());

	private static List<SessionRow> sessions(String key, Event... events) {
		return Sessions.of(key, List.of(events).stream().map(Event::row).toList(), NO_LINKS, Map.of());
	}

	@Test
	void aGapOfExactly1800SecondsKeepsTheSession() {
		assertThat(sessions("a1", Event.page("e1", "2026-03-02T10:00:00Z").anonymous("a1"),
				Event.page("e2", "2026-03-02T10:30:00Z").anonymous("a1")))
			.singleElement()
			.satisfies(session -> {
				assertThat(session.events()).isEqualTo(2);
				assertThat(session.durationSeconds()).isEqualTo(1800);
			});
	}

	@Test
	void aGapOf1801SecondsStartsANewSession() {
		assertThat(sessions("a1", Event.page("e1", "2026-03-02T10:00:00Z").anonymous("a1"),
				Event.page("e2", "2026-03-02T10:30:01Z").anonymous("a1")))
			.hasSize(2);
	}

	@Test
	void aGapOf1800Point5SecondsStartsANewSessionBecauseTimesKeepMicroseconds() {
		assertThat(sessions("a1", Event.page("e1", "2026-03-02T10:00:00Z").anonymous("a1"),
				Event.page("e2", "2026-03-02T10:30:00.500000Z").anonymous("a1")))
			.hasSize(2);
	}

	@Test
	void sessionsSplitAtMidnight() {
		List<SessionRow> split = sessions("a3", Event.page("m-09", "2026-03-02T23:59:59.999Z").anonymous("a3"),
				Event.page("m-10", "2026-03-03T00:00:00.500Z").anonymous("a3"));

		assertThat(split).extracting(s -> s.eventDate().toString()).containsExactly("2026-03-02", "2026-03-03");
	}

	@Test
	void eventsAreOrderedByTimeThenEventIdWhateverTheOrderTheyCameIn() {
		List<SessionRow> one = sessions("a1", Event.page("b", "2026-03-02T10:05:00Z").anonymous("a1"),
				Event.page("c", "2026-03-02T10:00:00Z").anonymous("a1"),
				Event.page("a", "2026-03-02T10:00:00Z").anonymous("a1"));

		assertThat(one).singleElement().satisfies(session -> {
			assertThat(session.sessionId()).isEqualTo(Hashes.md5("a1|a"));
			assertThat(session.startedAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
			assertThat(session.endedAt()).isEqualTo(Instant.parse("2026-03-02T10:05:00Z"));
			assertThat(session.durationSeconds()).isEqualTo(300);
		});
	}

	@Test
	void durationIsWholeSecondsTruncated() {
		assertThat(sessions("a1", Event.page("e1", "2026-03-02T10:00:00Z").anonymous("a1"),
				Event.page("e2", "2026-03-02T10:00:59.999999Z").anonymous("a1")))
			.singleElement()
			.extracting(SessionRow::durationSeconds)
			.isEqualTo(59L);
	}

	@Test
	void countsByKindLandingReferrerAndTheLastUserId() {
		SessionRow session = sessions("a1",
				Event.page("e1", "2026-03-02T10:00:00Z")
					.anonymous("a1")
					.url("https://shop.example.com/")
					.referrer("https://news.example.org/a"),
				Event.click("e2", "2026-03-02T10:01:00Z").anonymous("a1").user("u1"),
				Event.productAdded("e3", "2026-03-02T10:02:00Z").anonymous("a1"),
				Event.page("e4", "2026-03-02T10:03:00Z")
					.anonymous("a1")
					.url("https://shop.example.com/cart")
					.user("u2"),
				Event.productAdded("e5", "2026-03-02T10:04:00Z").anonymous("a1"))
			.get(0);

		assertThat(session.events()).isEqualTo(5);
		assertThat(session.pageViews()).isEqualTo(2);
		assertThat(session.clicks()).isEqualTo(1);
		assertThat(session.productsAdded()).isEqualTo(2);
		assertThat(session.landingUrl()).isEqualTo("https://shop.example.com/");
		assertThat(session.referrer()).isEqualTo("https://news.example.org/a");
		assertThat(session.userId()).isEqualTo("u2");
		assertThat(session.customerKey()).isEqualTo("u2");
		assertThat(session.anonymousId()).isEqualTo("a1");
	}

	@Test
	void ordersAndRevenueAreThoseWhoseWinningEventIsInTheSession() {
		EventRow winner = Event.orderCompleted("m-05", "2026-03-02T10:04:00Z", "o-1", "40").anonymous("a1").row();
		EventRow duplicate = Event.orderCompleted("m-06", "2026-03-02T10:04:05Z", "o-1", "40").anonymous("a1").row();
		OrderRow order = new OrderRow("o-1", "m-05", winner.eventTime(), winner.eventDate(), "a1", null, null, null,
				winner.revenue(), "USD", 1);

		SessionRow session = Sessions.of("a1", List.of(winner, duplicate), NO_LINKS, Map.of("m-05", order)).get(0);

		assertThat(session.orders()).isEqualTo(1);
		assertThat(session.revenue()).isEqualByComparingTo("40");
		assertThat(session.events()).isEqualTo(2);
	}

	@Test
	void aSessionWithoutOrdersHasRevenueZeroNotNull() {
		assertThat(sessions("a1", Event.page("e1", "2026-03-02T10:00:00Z").anonymous("a1")).get(0).revenue())
			.isEqualByComparingTo("0");
	}

	@Test
	void aCartIsAbandonedWhenAProductAddedHasNoOrderCompletedAfterIt() {
		assertThat(
				sessions("a1", Event.productAdded("e1", "2026-03-02T10:00:00Z").anonymous("a1")).get(0).cartAbandoned())
			.isTrue();
		assertThat(sessions("a1", Event.productAdded("e1", "2026-03-02T10:00:00Z").anonymous("a1"),
				Event.orderCompleted("e2", "2026-03-02T10:05:00Z", "o", "1").anonymous("a1"))
			.get(0)
			.cartAbandoned()).isFalse();
		assertThat(sessions("a1", Event.page("e1", "2026-03-02T10:00:00Z").anonymous("a1")).get(0).cartAbandoned())
			.isFalse();
	}

	@Test
	void aCartAbandonedAfterAnEarlierOrderInTheSameSessionIsAbandoned() {
		assertThat(sessions("a1", Event.productAdded("e1", "2026-03-02T10:00:00Z").anonymous("a1"),
				Event.orderCompleted("e2", "2026-03-02T10:05:00Z", "o", "1").anonymous("a1"),
				Event.productAdded("e3", "2026-03-02T10:10:00Z").anonymous("a1"))
			.get(0)
			.cartAbandoned()).isTrue();
	}

	@Test
	void aServerSideOrderWithOnlyAUserIdHasAUserSessionKey() {
		EventRow order = Event.orderCompleted("m-08", "2026-03-02T11:00:00Z", "o-2", "15.5").user("7345180").row();

		assertThat(Sessions.sessionKeyOf(order)).isEqualTo("user:7345180");
		SessionRow session = Sessions.of("user:7345180", List.of(order), NO_LINKS, Map.of()).get(0);
		assertThat(session.anonymousId()).isNull();
		assertThat(session.customerKey()).isEqualTo("7345180");
		assertThat(session.sessionId()).isEqualTo(Hashes.md5("user:7345180|m-08"));
	}

	@Test
	void aUserOnTwoDevicesIsOneCustomerThroughTheLinkAsOfTheEndOfTheDay() {
		LinkedUsers links = LinkedUsers
			.of(List.of(new IdentityLink("phone", "u1", Instant.parse("2026-03-02T20:00:00Z"), "l1"),
					new IdentityLink("laptop", "u1", Instant.parse("2026-03-02T09:00:00Z"), "l2")));

		SessionRow phone = Sessions
			.of("phone", List.of(Event.page("p1", "2026-03-02T08:00:00Z").anonymous("phone").row()), links, Map.of())
			.get(0);
		SessionRow laptop = Sessions
			.of("laptop", List.of(Event.page("l0", "2026-03-02T08:00:00Z").anonymous("laptop").row()), links, Map.of())
			.get(0);

		assertThat(phone.customerKey()).isEqualTo("u1");
		assertThat(laptop.customerKey()).isEqualTo("u1");
		assertThat(phone.userId()).isNull();
	}

	@Test
	void anAnonymousVisitorWithoutALinkIsAnAnonCustomer() {
		assertThat(sessions("a9", Event.page("e1", "2026-03-02T10:00:00Z").anonymous("a9")).get(0).customerKey())
			.isEqualTo("anon:a9");
	}

}
