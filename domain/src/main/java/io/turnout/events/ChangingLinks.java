package io.turnout.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which new identity links can change a customer key (tables.md: the linked user of an
 * anonymous id on a day is the user of its latest link before the day's end). Every event
 * carrying both ids is a link, so a logged-in visitor sends one with every page view; a
 * link changes nothing when its anonymous id was only ever linked to the same user, by a
 * stored link before the end of the new link's day. Only the others make the stream
 * restate the anonymous id's days.
 */
public final class ChangingLinks {

	private ChangingLinks() {
	}

	/**
	 * @param written the links a batch wrote
	 * @param stored the links stored before the batch, of the same anonymous ids
	 */
	public static List<IdentityLink> among(Collection<IdentityLink> written, Collection<IdentityLink> stored) {
		Map<String, List<IdentityLink>> storedByAnonymousId = stored.stream()
			.collect(Collectors.groupingBy(IdentityLink::anonymousId));
		Map<String, List<IdentityLink>> writtenByAnonymousId = written.stream()
			.collect(Collectors.groupingBy(IdentityLink::anonymousId));
		List<IdentityLink> changing = new ArrayList<>();
		writtenByAnonymousId.forEach((anonymousId, links) -> {
			if (!alreadyLinked(links, storedByAnonymousId.getOrDefault(anonymousId, List.of()))) {
				changing.addAll(links);
			}
		});
		return changing;
	}

	private static boolean alreadyLinked(List<IdentityLink> links, List<IdentityLink> stored) {
		String user = links.get(0).userId();
		if (stored.isEmpty() || links.stream().anyMatch(link -> !link.userId().equals(user))
				|| stored.stream().anyMatch(link -> !link.userId().equals(user))) {
			return false;
		}
		Instant earliest = links.stream().map(IdentityLink::eventTime).min(Instant::compareTo).orElseThrow();
		Instant endOfDay = LocalDate.ofInstant(earliest, ZoneOffset.UTC)
			.plusDays(1)
			.atStartOfDay()
			.toInstant(ZoneOffset.UTC);
		return stored.stream().anyMatch(link -> link.eventTime().isBefore(endOfDay));
	}

}
