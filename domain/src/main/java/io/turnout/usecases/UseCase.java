package io.turnout.usecases;

import java.util.List;

/**
 * The marketing use cases and what each depends on (migration.md), in dependency order.
 */
public enum UseCase {

	EVENTS("events", List.of()),

	SESSIONS("sessions", List.of("events")),

	ATTRIBUTION("attribution", List.of("sessions")),

	REVENUE_DAILY("revenue-daily", List.of("attribution")),

	CART_ABANDONMENT("cart-abandonment", List.of("sessions"));

	private final String code;

	private final List<String> dependsOn;

	UseCase(String code, List<String> dependsOn) {
		this.code = code;
		this.dependsOn = dependsOn;
	}

	public String code() {
		return this.code;
	}

	public List<UseCase> dependsOn() {
		return this.dependsOn.stream().map(UseCase::fromCode).toList();
	}

	public static UseCase fromCode(String code) {
		for (UseCase useCase : values()) {
			if (useCase.code.equals(code)) {
				return useCase;
			}
		}
		throw new IllegalArgumentException("Unknown use case '" + code + "'; use one of events, sessions, "
				+ "attribution, revenue-daily, cart-abandonment.");
	}

}
