package io.turnout.events;

/**
 * Why a received message could not be accepted: the codes of events.md, in the order they
 * are checked.
 */
public enum FailureReason {

	INVALID_JSON("invalid_json"),

	NOT_AN_OBJECT("not_an_object"),

	MESSAGE_TOO_LARGE("message_too_large"),

	UNKNOWN_TYPE("unknown_type"),

	MISSING_IDENTITY("missing_identity"),

	MISSING_EVENT_NAME("missing_event_name"),

	INVALID_FIELD("invalid_field"),

	INVALID_TIMESTAMP("invalid_timestamp"),

	TIMESTAMP_IN_FUTURE("timestamp_in_future"),

	MISSING_ORDER_ID("missing_order_id"),

	INVALID_REVENUE("invalid_revenue"),

	SCHEMA_VIOLATION("schema_violation");

	private final String code;

	FailureReason(String code) {
		this.code = code;
	}

	/** The code stored in {@code failed_events.reason}. */
	public String code() {
		return this.code;
	}

}
