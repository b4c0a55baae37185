package io.turnout.sessions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.turnout.events.IdentityLink;

/**
 * The linked user of an anonymous id on a day (tables.md): among the identity links of
 * the anonymous id with an event time before the end of the day, the user of the one with
 * the greatest {@code (event_time, event_id)}. Latest login wins, as of the end of the
 * day.
 */
public final class LinkedUsers {

	private static final Comparator<IdentityLink> LATEST = Comparator.comparing(IdentityLink::eventTime)
		.thenComparing(IdentityLink::eventId);

	private final Map<String, List<IdentityLink>> linksByAnonymousId;

	private LinkedUsers(Map<String, List<IdentityLink>> linksByAnonymousId) {
		this.linksByAnonymousId = linksByAnonymousId;
	}

	public static LinkedUsers of(Collection<IdentityLink> links) {
		return new LinkedUsers(links.stream()
			.collect(Collectors.groupingBy(IdentityLink::anonymousId, HashMap::new, Collectors.toList())));
	}

	public Optional<String> linkedUserOn(String anonymousId, LocalDate day) {
		Instant endOfDay = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		return this.linksByAnonymousId.getOrDefault(anonymousId, List.of())
			.stream()
			.filter(link -> link.eventTime().isBefore(endOfDay))
			.max(LATEST)
			.map(IdentityLink::userId);
	}

	/**
	 * The customer key on a day: the user id when set; else the linked user of the
	 * anonymous id on that day; else {@code anon:} and the anonymous id.
	 */
	public String customerKey(String userId, String anonymousId, LocalDate day) {
		if (userId != null) {
			return userId;
		}
		return linkedUserOn(anonymousId, day).orElse("anon:" + anonymousId);
	}

}
