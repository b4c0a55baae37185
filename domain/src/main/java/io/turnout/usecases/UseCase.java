package io.turnout.usecases;

import java.util.List;

/**
 * The marketing use cases and what each depends on (migration.md), in dependency order.
 */
public enum UseCase {

	EVENTS("events", List.of(), List.of("events", "identity_links", "orders", "failed_events")),

	SESSIONS("sessions", List.of("events"), List.of("sessions")),

	ATTRIBUTION("attribution", List.of("sessions"), List.of("attribution")),

	REVENUE_DAILY("revenue-daily", List.of("attribution"), List.of("revenue_daily")),

	CART_ABANDONMENT("cart-abandonment", List.of("sessions"), List.of("cart_abandonments"));

	private final String code;

	private final List<String> dependsOn;

	private final List<String> tables;

	UseCase(String code, List<String> dependsOn, List<String> tables) {
		this.code = code;
		this.dependsOn = dependsOn;
		this.tables = tables;
	}

	/**
	 * The tables this use case writes (tables.md); {@code sessions} also fills the order
	 * placement columns of {@code orders}.
	 */
	public List<String> tables() {
		return this.tables;
	}

	/** The use case that writes a table. */
	public static UseCase writing(String table) {
		for (UseCase useCase : values()) {
			if (useCase.tables.contains(table)) {
				return useCase;
			}
		}
		throw new IllegalArgumentException("No use case writes the table '" + table + "'.");
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
