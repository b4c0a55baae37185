package io.turnout.sessions;

import java.time.Instant;

/** When a stored session of a key started and ended. */
public record SessionSpan(String sessionKey, Instant startedAt, Instant endedAt) {
}
