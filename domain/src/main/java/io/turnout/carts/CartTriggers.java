package io.turnout.carts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.turnout.events.Timestamps;
import io.turnout.json.Json;
import io.turnout.json.JsonValue;

/**
 * The retargeting trigger of an abandoned cart: due once event time has passed its
 * abandonment time (the session's end plus 30 minutes), published once, keyed by session.
 */
public final class CartTriggers {

	private CartTriggers() {
	}

	/** A message for the triggers topic. */
	public record Trigger(String key, String value) {
	}

	/**
	 * The triggers due now: abandoned carts whose abandonment time is at or before the
	 * watermark and that were not published before.
	 */
	public static List<Trigger> due(List<CartAbandonmentRow> carts, Set<String> published, Instant watermark) {
		List<Trigger> triggers = new ArrayList<>();
		for (CartAbandonmentRow cart : carts) {
			if (!cart.abandonedAt().isAfter(watermark) && !published.contains(cart.sessionId())) {
				triggers.add(new Trigger(cart.sessionId(), message(cart)));
			}
		}
		return triggers;
	}

	static String message(CartAbandonmentRow cart) {
		Map<String, JsonValue> members = new LinkedHashMap<>();
		members.put("type", new JsonValue.JsonString("cart_abandoned"));
		members.put("session_id", new JsonValue.JsonString(cart.sessionId()));
		members.put("customer_key", new JsonValue.JsonString(cart.customerKey()));
		members.put("anonymous_id", text(cart.anonymousId()));
		members.put("user_id", text(cart.userId()));
		members.put("cart_value", new JsonValue.JsonNumber(cart.cartValue().toPlainString()));
		members.put("items", new JsonValue.JsonNumber(Integer.toString(cart.items())));
		members.put("last_product_added_at", new JsonValue.JsonString(Timestamps.format(cart.lastProductAddedAt())));
		members.put("abandoned_at", new JsonValue.JsonString(Timestamps.format(cart.abandonedAt())));
		return Json.write(new JsonValue.JsonObject(members));
	}

	private static JsonValue text(String value) {
		return (value != null) ? new JsonValue.JsonString(value) : JsonValue.JsonNull.INSTANCE;
	}

}
