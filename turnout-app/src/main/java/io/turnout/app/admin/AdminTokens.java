package io.turnout.app.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * Who an {@code Authorization: Bearer <token>} header names, compared in constant time.
 */
class AdminTokens {

	private static final String BEARER = "Bearer ";

	private final Map<String, String> tokens;

	AdminTokens(Map<String, String> tokens) {
		this.tokens = Map.copyOf(tokens);
	}

	boolean isEmpty() {
		return this.tokens.isEmpty();
	}

	/** The name of the token's holder; empty when the header names no admin token. */
	Optional<String> holderOf(String authorization) {
		if (authorization == null || !authorization.startsWith(BEARER)) {
			return Optional.empty();
		}
		byte[] given = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
		Optional<String> holder = Optional.empty();
		for (Map.Entry<String, String> token : this.tokens.entrySet()) {
			if (MessageDigest.isEqual(given, token.getValue().getBytes(StandardCharsets.UTF_8))) {
				holder = Optional.of(token.getKey());
			}
		}
		return holder;
	}

}
