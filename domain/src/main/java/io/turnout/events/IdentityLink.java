package io.turnout.events;

import java.time.Instant;

/**
 * An {@code identity_links} row: an accepted event that carried both an anonymous id and
 * a user id.
 */
public record IdentityLink(String anonymousId, String userId, Instant eventTime, String eventId) {
}
