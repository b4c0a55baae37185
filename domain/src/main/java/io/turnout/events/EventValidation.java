package io.turnout.events;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.turnout.json.Json;
import io.turnout.json.JsonException;
import io.turnout.json.JsonValue;
import io.turnout.json.JsonValue.JsonNumber;
import io.turnout.json.JsonValue.JsonObject;
import io.turnout.json.JsonValue.JsonString;

/**
 * Validation and mapping of one received message (events.md), shared by the nightly job
 * and the streaming function so that both accept and fail the same messages for the same
 * reasons.
 *
 * <p>
 * A message is accepted as an {@link EventRow}, or fails with the first reason of
 * {@link FailureReason} that applies. Pure: the same raw text always gives the same
 * outcome, except that a message without {@code messageId} gets the md5 of its text.
 */
public final class EventValidation {

	/**
	 * 32 KB: the size of the raw record with its receivedAt and sourceId, in UTF-8 bytes.
	 */
	public static final int MAX_MESSAGE_BYTES = 32_768;

	static final Duration FUTURE_TOLERANCE = Duration.ofHours(24);

	static final List<String> TYPES = List.of("track", "page", "screen", "identify", "group", "alias");

	private static final List<String> ID_FIELD_ORDER = List.of("messageId", "userId", "anonymousId", "groupId",
			"previousId");

	private static final List<String> OBJECT_FIELDS = List.of("properties", "context", "traits");

	/** DECIMAL(18,4) holds at most 14 digits before the point. */
	private static final int MAX_INTEGER_DIGITS = 14;

	public Outcome validate(String raw) {
		JsonValue value;
		try {
			value = Json.parse(raw);
		}
		catch (JsonException ex) {
			return failed(raw, null, FailureReason.INVALID_JSON, "The line is not JSON: " + ex.getMessage() + ".");
		}
		if (!(value instanceof JsonObject message)) {
			return failed(raw, null, FailureReason.NOT_AN_OBJECT,
					"The message is a JSON " + jsonKind(value) + ", not an object.");
		}
		// A char is at most 3 bytes in UTF-8 (a surrogate pair, two chars, is 4): a text
		// that short cannot be over the limit, and most messages are.
		int bytes = (raw.length() * 3 <= MAX_MESSAGE_BYTES) ? 0 : utf8Length(raw);
		if (bytes > MAX_MESSAGE_BYTES) {
			return failed(raw, message, FailureReason.MESSAGE_TOO_LARGE, "The message is " + bytes
					+ " bytes; the limit is 32768 bytes (32 KB) including receivedAt and sourceId.");
		}
		JsonValue typeValue = message.get("type");
		String type = (typeValue instanceof JsonString s) ? s.value() : null;
		if (type == null || !TYPES.contains(type)) {
			String detail = (typeValue == null) ? "The message has no type"
					: "The type " + Json.write(typeValue) + " is not known";
			return failed(raw, message, FailureReason.UNKNOWN_TYPE, detail + "; use one of " + TYPES + ".");
		}
		String anonymousId = MessageFields.id(message.get("anonymousId"));
		String userId = MessageFields.id(message.get("userId"));
		if (anonymousId == null && userId == null) {
			return failed(raw, message, FailureReason.MISSING_IDENTITY,
					"The message has neither a userId nor an anonymousId that is a non-empty string or a number.");
		}
		String trackEvent = null;
		if (type.equals("track")) {
			trackEvent = (message.get("event") instanceof JsonString s && !s.value().isEmpty()) ? s.value() : null;
			if (trackEvent == null) {
				return failed(raw, message, FailureReason.MISSING_EVENT_NAME,
						"A track message needs a non-empty string 'event' naming what happened.");
			}
		}
		for (String field : OBJECT_FIELDS) {
			JsonValue v = message.get(field);
			if (v != null && !(v instanceof JsonObject)) {
				return failed(raw, message, FailureReason.INVALID_FIELD,
						"The field '" + field + "' is a " + jsonKind(v) + "; it must be an object.");
			}
		}
		for (String field : ID_FIELD_ORDER) {
			JsonValue v = message.get(field);
			if (v != null && !(v instanceof JsonString) && !(v instanceof JsonNumber)) {
				return failed(raw, message, FailureReason.INVALID_FIELD,
						"The field '" + field + "' is a " + jsonKind(v) + "; ids must be strings or numbers.");
			}
		}
		Instant timestamp;
		Instant originalTimestamp;
		Instant receivedAt;
		try {
			timestamp = time(message, "timestamp");
			originalTimestamp = time(message, "originalTimestamp");
			receivedAt = time(message, "receivedAt");
		}
		catch (InvalidTime ex) {
			return failed(raw, message, FailureReason.INVALID_TIMESTAMP, ex.getMessage());
		}
		Instant eventTime = firstOf(timestamp, originalTimestamp, receivedAt);
		if (eventTime == null) {
			return failed(raw, message, FailureReason.INVALID_TIMESTAMP,
					"The message has no usable time: no timestamp, originalTimestamp or receivedAt.");
		}
		Instant received = (receivedAt != null) ? receivedAt : eventTime;
		if (eventTime.isAfter(received.plus(FUTURE_TOLERANCE))) {
			return failed(raw, message, FailureReason.TIMESTAMP_IN_FUTURE, "The event time " + eventTime
					+ " is more than 24 hours after it was received (" + received + "); check the device clock.");
		}
		EventKind kind = EventKind.of(type, trackEvent);
		JsonObject properties = message.object("properties");
		String orderId = null;
		BigDecimal revenue = null;
		String currency = null;
		if (kind == EventKind.ORDER_COMPLETED) {
			orderId = (properties != null) ? MessageFields.id(properties.get("order_id")) : null;
			if (orderId == null) {
				return failed(raw, message, FailureReason.MISSING_ORDER_ID,
						"An Order Completed needs properties.order_id (a non-empty string or a number).");
			}
			String revenueField = (properties.get("revenue") != null) ? "revenue" : "total";
			JsonValue amount = properties.get(revenueField);
			Optional<BigDecimal> money = (amount instanceof JsonNumber n) ? money(n) : Optional.empty();
			if (money.isEmpty() || money.get().signum() < 0) {
				String problem = (amount == null) ? "has neither properties.revenue nor properties.total"
						: "has properties." + revenueField + " = " + abbreviated(Json.write(amount))
								+ ", which is not a non-negative number that fits DECIMAL(18,4)";
				return failed(raw, message, FailureReason.INVALID_REVENUE, "The Order Completed " + problem + ".");
			}
			revenue = money.get();
			currency = currency(properties.get("currency"));
		}
		String productId = null;
		BigDecimal productPrice = null;
		Integer productQuantity = null;
		if (kind == EventKind.PRODUCT_ADDED) {
			JsonObject p = (properties != null) ? properties : JsonObject.empty();
			productId = MessageFields.text(p.get("product_id"));
			productPrice = (p.get("price") instanceof JsonNumber n) ? money(n).orElse(zeroMoney()) : zeroMoney();
			productQuantity = (p.get("quantity") instanceof JsonNumber n) ? quantity(n) : 1;
		}
		JsonObject context = message.object("context");
		JsonObject campaign = (context != null) ? context.object("campaign") : null;
		JsonObject contextPage = (context != null) ? context.object("page") : null;
		boolean pageView = kind == EventKind.PAGE_VIEW;
		String eventName = switch (type) {
			case "track" -> trackEvent;
			case "page", "screen" -> MessageFields.text(message.get("name"));
			default -> null;
		};
		String eventId = MessageFields.id(message.get("messageId"));
		JsonObject traits = message.object("traits");
		EventRow row = new EventRow((eventId != null) ? eventId : Hashes.md5(raw), type, eventName, kind, eventTime,
				LocalDate.ofInstant(eventTime, ZoneOffset.UTC), received, anonymousId, userId,
				MessageFields.text(message.get("sourceId")), textOf(campaign, "source"), textOf(campaign, "medium"),
				textOf(campaign, "name"), textOf(campaign, "term"), textOf(campaign, "content"),
				page(pageView, properties, contextPage, "url"), page(pageView, properties, contextPage, "path"),
				page(pageView, properties, contextPage, "referrer"), page(pageView, properties, contextPage, "title"),
				orderId, revenue, currency, productId, productPrice, productQuantity, jsonText(properties),
				jsonText(context), jsonText(traits), null);
		return new Outcome.Accepted(row);
	}

	/** The number of UTF-8 bytes of a text, without encoding it. */
	public static int utf8Length(String text) {
		int bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes += 1;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

	private static Outcome failed(String raw, JsonObject message, FailureReason reason, String detail) {
		Instant receivedAt = null;
		String sourceId = null;
		String eventId = null;
		if (message != null) {
			if (message.get("receivedAt") instanceof JsonString s) {
				receivedAt = Timestamps.parse(s.value()).orElse(null);
			}
			sourceId = MessageFields.text(message.get("sourceId"));
			eventId = MessageFields.id(message.get("messageId"));
		}
		return new Outcome.Failed(new FailedEvent(Hashes.md5(raw), receivedAt, sourceId, reason, detail, raw, eventId));
	}

	private static Instant time(JsonObject message, String field) {
		JsonValue value = message.get(field);
		if (value == null) {
			return null;
		}
		if (value instanceof JsonString s) {
			return Timestamps.parse(s.value())
				.orElseThrow(() -> new InvalidTime("The field '" + field + "' is \"" + abbreviated(s.value())
						+ "\", which is not an ISO-8601 time like 2026-11-26T09:30:00.000Z."));
		}
		throw new InvalidTime("The field '" + field + "' is a " + jsonKind(value)
				+ "; it must be an ISO-8601 time string like 2026-11-26T09:30:00.000Z.");
	}

	/**
	 * Money from a JSON number's decimal text, rounded half-even to DECIMAL(18,4); none
	 * when it does not fit.
	 */
	static Optional<BigDecimal> money(JsonNumber number) {
		BigDecimal exact = number.decimal();
		if (exact.precision() - exact.scale() > MAX_INTEGER_DIGITS) {
			return Optional.empty();
		}
		BigDecimal rounded = exact.setScale(4, RoundingMode.HALF_EVEN);
		return (rounded.precision() - rounded.scale() > MAX_INTEGER_DIGITS) ? Optional.empty() : Optional.of(rounded);
	}

	private static BigDecimal zeroMoney() {
		return BigDecimal.ZERO.setScale(4);
	}

	/**
	 * A quantity is a whole number that fits an INTEGER; anything else counts as the
	 * default 1.
	 */
	private static Integer quantity(JsonNumber number) {
		BigDecimal exact = number.decimal();
		if (exact.precision() - exact.scale() > 10) {
			return 1;
		}
		try {
			return exact.stripTrailingZeros().intValueExact();
		}
		catch (ArithmeticException ex) {
			return 1;
		}
	}

	private static String currency(JsonValue value) {
		return (value instanceof JsonString s && !s.value().isEmpty()) ? s.value().toUpperCase(Locale.ROOT) : "USD";
	}

	private static String page(boolean pageView, JsonObject properties, JsonObject contextPage, String field) {
		String value = pageView ? textOf(properties, field) : null;
		return (value != null) ? value : textOf(contextPage, field);
	}

	private static String textOf(JsonObject object, String field) {
		return (object != null) ? MessageFields.text(object.get(field)) : null;
	}

	private static String jsonText(JsonObject object) {
		return (object != null) ? object.sourceText() : null;
	}

	private static Instant firstOf(Instant... times) {
		for (Instant time : times) {
			if (time != null) {
				return time;
			}
		}
		return null;
	}

	static String jsonKind(JsonValue value) {
		if (value instanceof JsonObject) {
			return "object";
		}
		if (value instanceof JsonValue.JsonArray) {
			return "array";
		}
		if (value instanceof JsonString) {
			return "string";
		}
		if (value instanceof JsonNumber) {
			return "number";
		}
		return (value instanceof JsonValue.JsonBoolean) ? "boolean" : "null";
	}

	private static String abbreviated(String text) {
		return (text.length() <= 80) ? text : text.substring(0, 77) + "...";
	}

	private static final class InvalidTime extends RuntimeException {

		InvalidTime(String message) {
			super(message, null, false, false);
		}

	}

}
