package io.turnout.traffic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.turnout.events.Timestamps;
import io.turnout.json.Json;
import io.turnout.json.JsonValue;

/**
 * A realistic, repeatable day of marketing traffic in the Segment format: visitors
 * arriving from campaigns, search, referrals or directly, viewing pages, clicking, adding
 * products, buying and logging in; with the imperfections of real trackers: resent
 * messages, duplicate order ids, server-side orders with only a user id, out-of-order
 * delivery and a few bad messages. The same seed gives the same messages.
 */
public final class SyntheticTraffic {

	private static final String SITE = "https://shop.example.com";

	private static final List<String[]> CAMPAIGNS = List.of(new String[] { "google", "cpc", "winter_sale" },
			new String[] { "facebook", "paid-social", "retarget" },
			new String[] { "newsletter", "email", "weekly_digest" }, new String[] { "partner", "affiliate", "deals" },
			new String[] { "display_net", "display", "brand" });

	private static final List<String> REFERRERS = List.of("https://www.google.com/search?q=shop",
			"https://www.bing.com/", "https://news.example.org/article", "https://www.reddit.com/r/deals");

	private static final List<String> PATHS = List.of("/", "/winter", "/products/boots", "/products/jacket",
			"/products/scarf", "/about", "/cart");

	private static final List<String> CLICKS = List.of("CTA Clicked", "Banner Clicked", "Filter Clicked");

	private final Random random;

	private final LocalDate day;

	private final List<String> messages = new ArrayList<>();

	private int orderSequence;

	private SyntheticTraffic(LocalDate day, long seed) {
		this.day = day;
		this.random = new Random(seed);
	}

	/**
	 * The messages trackers would send for {@code visitors} visitors on {@code day}, in
	 * sending order.
	 */
	public static List<String> day(LocalDate day, int visitors, long seed) {
		SyntheticTraffic traffic = new SyntheticTraffic(day, seed);
		for (int i = 0; i < visitors; i++) {
			traffic.visitor();
		}
		traffic.imperfections();
		return traffic.messages;
	}

	/**
	 * Raw lake lines, as the collector would have written them: each message with
	 * {@code receivedAt} (a few seconds after its event time) and {@code sourceId}.
	 */
	public static List<String> asLakeLines(List<String> messages, String sourceId, long seed) {
		Random random = new Random(seed);
		List<String> lines = new ArrayList<>(messages.size());
		for (String message : messages) {
			JsonValue value = Json.parse(message);
			if (value instanceof JsonValue.JsonObject object) {
				Instant sent = (object.get("timestamp") instanceof JsonValue.JsonString s)
						? Timestamps.parse(s.value()).orElse(null) : null;
				Instant received = (sent != null) ? sent.plusMillis(50 + random.nextInt(3000))
						: Instant.parse("2026-01-01T00:00:00Z");
				lines.add(Json.write(object.with("receivedAt", new JsonValue.JsonString(Timestamps.format(received)))
					.with("sourceId", new JsonValue.JsonString(sourceId))));
			}
			else {
				lines.add(message);
			}
		}
		return lines;
	}

	private void visitor() {
		String anonymousId = uuid();
		String userId = (this.random.nextInt(100) < 35) ? "user-" + this.random.nextInt(1_000_000) : null;
		int sessions = 1 + this.random.nextInt(3);
		Instant at = this.day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(this.random.nextInt(20 * 3600));
		for (int s = 0; s < sessions; s++) {
			at = session(anonymousId, userId, at);
			at = at.plus(Duration.ofMinutes(31 + this.random.nextInt(180)));
			if (!LocalDate.ofInstant(at, ZoneOffset.UTC).equals(this.day)) {
				break;
			}
		}
	}

	private Instant session(String anonymousId, String userId, Instant start) {
		Map<String, Object> campaign = null;
		String referrer = null;
		int source = this.random.nextInt(10);
		if (source < 4) {
			String[] c = CAMPAIGNS.get(this.random.nextInt(CAMPAIGNS.size()));
			campaign = map("source", c[0], "medium", c[1], "name", c[2]);
		}
		else if (source < 7) {
			referrer = REFERRERS.get(this.random.nextInt(REFERRERS.size()));
		}
		Instant at = start;
		boolean loggedIn = false;
		int pages = 1 + this.random.nextInt(6);
		boolean cart = false;
		for (int p = 0; p < pages && LocalDate.ofInstant(at, ZoneOffset.UTC).equals(this.day); p++) {
			String path = PATHS.get(this.random.nextInt(PATHS.size()));
			Map<String, Object> context = context(path, (p == 0) ? referrer : SITE + "/", (p == 0) ? campaign : null);
			add(message("page", anonymousId, loggedIn ? userId : null, at, null, map("url", SITE + path, "path", path,
					"title", "Shop " + path, "referrer", (p == 0) ? referrer : SITE + "/"), context));
			at = at.plusSeconds(5 + this.random.nextInt(240));
			if (this.random.nextInt(4) == 0) {
				add(message("track", anonymousId, loggedIn ? userId : null, at,
						CLICKS.get(this.random.nextInt(CLICKS.size())), map("label", "hero"),
						context(path, null, null)));
				at = at.plusSeconds(2 + this.random.nextInt(60));
			}
			if (this.random.nextInt(3) == 0) {
				cart = true;
				add(message("track", anonymousId, loggedIn ? userId : null, at, "Product Added",
						map("product_id", "sku-" + this.random.nextInt(40), "price", price(5, 120), "quantity",
								1 + this.random.nextInt(3)),
						context(path, null, null)));
				at = at.plusSeconds(3 + this.random.nextInt(120));
			}
			if (userId != null && !loggedIn && this.random.nextInt(3) == 0) {
				loggedIn = true;
				add(identify(anonymousId, userId, at));
				at = at.plusSeconds(1 + this.random.nextInt(30));
			}
		}
		if (cart && this.random.nextInt(2) == 0 && LocalDate.ofInstant(at, ZoneOffset.UTC).equals(this.day)) {
			String orderId = "order-" + this.day + "-" + (++this.orderSequence);
			String currency = (this.random.nextInt(10) == 0) ? "eur" : "USD";
			add(message("track", anonymousId, loggedIn ? userId : null, at, "Order Completed",
					map("order_id", orderId, "revenue", price(20, 400), "currency", currency),
					context("/checkout", null, null)));
			if (this.random.nextInt(20) == 0) {
				// The tracker fires the purchase twice: a duplicate order id with another
				// message id.
				add(message("track", anonymousId, loggedIn ? userId : null, at.plusSeconds(2), "Order Completed",
						map("order_id", orderId, "revenue", price(20, 400), "currency", currency),
						context("/checkout", null, null)));
			}
			at = at.plusSeconds(5);
		}
		return at;
	}

	private void imperfections() {
		int count = this.messages.size();
		Instant noon = this.day.atTime(12, 0).toInstant(ZoneOffset.UTC);
		// Resent messages (same messageId): a retrying tracker.
		for (int i = 0; i < Math.max(1, count / 100); i++) {
			this.messages.add(this.messages.get(this.random.nextInt(count)));
		}
		// Server-side orders with only a user id.
		for (int i = 0; i < Math.max(1, count / 400); i++) {
			add(message("track", null, "user-" + this.random.nextInt(1_000_000), noon.plusSeconds(i * 60L),
					"Order Completed", map("order_id", "server-" + this.day + "-" + i, "total", price(10, 90)), null));
		}
		// A few bad messages, one of each kind.
		String ts = Timestamps.format(noon);
		this.messages.add("{\"type\":\"track\",\"event\":\"Lost\",\"timestamp\":\"" + ts + "\",\"messageId\":\""
				+ uuid() + "\"}");
		this.messages.add("{\"type\":\"hover\",\"anonymousId\":\"x\",\"timestamp\":\"" + ts + "\",\"messageId\":\""
				+ uuid() + "\"}");
		this.messages.add("{\"type\":\"page\",\"anonymousId\":\"x\",\"timestamp\":\"yesterday\",\"messageId\":\""
				+ uuid() + "\"}");
		this.messages.add("{\"type\":\"track\",\"anonymousId\":\"x\",\"timestamp\":\"" + ts + "\",\"messageId\":\""
				+ uuid() + "\"}");
		this.messages.add("{\"type\":\"track\",\"event\":\"Order Completed\",\"anonymousId\":\"x\",\"timestamp\":\""
				+ ts + "\",\"messageId\":\"" + uuid() + "\",\"properties\":{\"revenue\":10}}");
		this.messages.add("{\"type\":\"track\",\"event\":\"Order Completed\",\"anonymousId\":\"x\",\"timestamp\":\""
				+ ts + "\",\"messageId\":\"" + uuid() + "\",\"properties\":{\"order_id\":\"bad-1\",\"revenue\":-5}}");
		this.messages.add("{\"type\":\"track\",\"event\":\"Viewed\",\"anonymousId\":\"x\",\"timestamp\":\"" + ts
				+ "\",\"messageId\":\"" + uuid() + "\",\"properties\":\"not an object\"}");
		// Out-of-order delivery: trackers batch and retry, so sending order is not event
		// order.
		for (int i = 0; i < count / 20; i++) {
			Collections.swap(this.messages, this.random.nextInt(count), this.random.nextInt(count));
		}
	}

	private String message(String type, String anonymousId, String userId, Instant at, String event,
			Map<String, Object> properties, Map<String, Object> context) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("type", type);
		message.put("messageId", uuid());
		if (anonymousId != null) {
			message.put("anonymousId", anonymousId);
		}
		if (userId != null) {
			message.put("userId", userId);
		}
		if (event != null) {
			message.put("event", event);
		}
		if (type.equals("page")) {
			message.put("name", properties.get("title"));
		}
		message.put("timestamp", Timestamps.format(at));
		message.put("properties", properties);
		if (context != null) {
			message.put("context", context);
		}
		return Json.write(JsonValues.of(message));
	}

	private String identify(String anonymousId, String userId, Instant at) {
		Map<String, Object> message = map("type", "identify", "messageId", uuid(), "anonymousId", anonymousId, "userId",
				userId, "timestamp", Timestamps.format(at), "traits",
				map("email", userId + "@example.com", "plan", "free"));
		return Json.write(JsonValues.of(message));
	}

	private Map<String, Object> context(String path, String referrer, Map<String, Object> campaign) {
		Map<String, Object> context = new LinkedHashMap<>();
		Map<String, Object> page = map("url", SITE + path, "path", path);
		if (referrer != null) {
			page.put("referrer", referrer);
		}
		context.put("page", page);
		context.put("userAgent", "Mozilla/5.0 (X11; Linux x86_64)");
		context.put("library", map("name", "analytics.js", "version", "2.11.1"));
		if (campaign != null) {
			context.put("campaign", campaign);
		}
		return context;
	}

	private BigDecimal price(int min, int max) {
		return BigDecimal.valueOf(min * 100L + this.random.nextInt((max - min) * 100), 2)
			.setScale(2, RoundingMode.UNNECESSARY);
	}

	private void add(String message) {
		this.messages.add(message);
	}

	private String uuid() {
		return new UUID(this.random.nextLong(), this.random.nextLong()).toString();
	}

	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
