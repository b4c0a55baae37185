package io.turnout.events;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A logged-in visitor links its anonymous id with every event; only a link that can
 * change the linked user of a day restates the visitor's days.
 */
class ChangingLinksTest {

	private static IdentityLink link(String anonymousId, String userId, String time) {
		return new IdentityLink(anonymousId, userId, Instant.parse(time), anonymousId + userId + time);
	}

	@Test
	void theFirstLinkOfAnAnonymousIdChangesItsCustomerKey() {
		IdentityLink login = link("a1", "u1", "2026-03-02T10:00:00Z");

		assertThat(ChangingLinks.among(List.of(login), List.of())).containsExactly(login);
	}

	@Test
	void aRepeatOfTheSameLinkOnTheSameDayOrLaterChangesNothing() {
		List<IdentityLink> stored = List.of(link("a1", "u1", "2026-03-02T10:00:00Z"));

		assertThat(ChangingLinks.among(List.of(link("a1", "u1", "2026-03-02T10:05:00Z")), stored)).isEmpty();
		assertThat(ChangingLinks.among(List.of(link("a1", "u1", "2026-03-03T08:00:00Z")), stored)).isEmpty();
	}

	@Test
	void theSameLinkOnAnEarlierDayChangesThatDay() {
		IdentityLink earlier = link("a1", "u1", "2026-03-01T22:00:00Z");

		assertThat(ChangingLinks.among(List.of(earlier), List.of(link("a1", "u1", "2026-03-02T10:00:00Z"))))
			.containsExactly(earlier);
	}

	@Test
	void aLinkToAnotherUserChangesTheLatestLogin() {
		IdentityLink otherUser = link("a1", "u2", "2026-03-02T11:00:00Z");

		assertThat(ChangingLinks.among(List.of(otherUser), List.of(link("a1", "u1", "2026-03-02T10:00:00Z"))))
			.containsExactly(otherUser);
	}

}
