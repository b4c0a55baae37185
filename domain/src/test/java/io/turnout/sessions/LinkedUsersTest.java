package io.turnout.sessions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.turnout.events.IdentityLink;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * tables.md, linked user of an anonymous id on day D: latest login wins, as of the end of
 * the day.
 */
class LinkedUsersTest {

	private static IdentityLink link(String anonymousId, String userId, String time, String eventId) {
		return new IdentityLink(anonymousId, userId, Instant.parse(time), eventId);
	}

	private final LinkedUsers links = LinkedUsers.of(List.of(link("a", "first", "2026-03-02T09:00:00Z", "e1"),
			link("a", "second", "2026-03-02T18:00:00Z", "e2"), link("a", "next-day", "2026-03-03T00:00:00Z", "e3"),
			link("b", "x", "2026-03-02T10:00:00Z", "e9"), link("b", "y", "2026-03-02T10:00:00Z", "e8")));

	@Test
	void theLatestLinkBeforeTheEndOfTheDayWins() {
		assertThat(this.links.linkedUserOn("a", LocalDate.parse("2026-03-02"))).contains("second");
	}

	@Test
	void aLinkAtMidnightBelongsToTheNextDay() {
		assertThat(this.links.linkedUserOn("a", LocalDate.parse("2026-03-03"))).contains("next-day");
	}

	@Test
	void noLinkYetMeansNoLinkedUser() {
		assertThat(this.links.linkedUserOn("a", LocalDate.parse("2026-03-01"))).isEmpty();
		assertThat(this.links.linkedUserOn("unknown", LocalDate.parse("2026-03-02"))).isEmpty();
	}

	@Test
	void equalTimesAreDecidedByTheGreaterEventId() {
		assertThat(this.links.linkedUserOn("b", LocalDate.parse("2026-03-02"))).contains("x");
	}

	@Test
	void theCustomerKeyIsTheUserIdElseTheLinkedUserElseAnon() {
		LocalDate day = LocalDate.parse("2026-03-02");

		assertThat(this.links.customerKey("u7", "a", day)).isEqualTo("u7");
		assertThat(this.links.customerKey(null, "a", day)).isEqualTo("second");
		assertThat(this.links.customerKey(null, "zz", day)).isEqualTo("anon:zz");
	}

}
