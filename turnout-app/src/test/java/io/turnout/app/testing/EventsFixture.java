package io.turnout.app.testing;

import java.util.List;

/**
 * A hand-written batch of messages with every case the events use case must get right: a
 * resent message, a duplicate order id, out-of-order delivery, a midnight crossing, a
 * server-side order with only a user id, a message without messageId, and bad messages.
 * The expected counts are written out in {@link Expected}.
 */
public final class EventsFixture {

	public static final String BATCH = """
			{"batch":[
			 {"type":"page","messageId":"m-01","anonymousId":"a1","timestamp":"2026-03-02T10:00:00Z","properties":{"url":"https://shop.example.com/?utm_source=google","path":"/"},"context":{"campaign":{"source":"google","medium":"cpc","name":"spring"}}},
			 {"type":"track","messageId":"m-02","anonymousId":"a1","event":"CTA Clicked","timestamp":"2026-03-02T10:01:00Z"},
			 {"type":"track","messageId":"m-03","anonymousId":"a1","event":"Product Added","timestamp":"2026-03-02T10:02:00Z","properties":{"product_id":"sku-1","price":20,"quantity":2}},
			 {"type":"identify","messageId":"m-04","anonymousId":"a1","userId":"u1","timestamp":"2026-03-02T10:03:00Z","traits":{"email":"u1@example.com"}},
			 {"type":"track","messageId":"m-05","anonymousId":"a1","userId":"u1","event":"Order Completed","timestamp":"2026-03-02T10:04:00Z","properties":{"order_id":"o-1","revenue":40.00,"currency":"usd"}},
			 {"type":"track","messageId":"m-06","anonymousId":"a1","userId":"u1","event":"Order Completed","timestamp":"2026-03-02T10:04:05Z","properties":{"order_id":"o-1","revenue":40.00}},
			 {"type":"track","messageId":"m-05","anonymousId":"a1","userId":"u1","event":"Order Completed","timestamp":"2026-03-02T10:04:00Z","properties":{"order_id":"o-1","revenue":40.00,"currency":"usd"}},
			 {"type":"page","messageId":"m-07","anonymousId":"a2","timestamp":"2026-03-02T09:00:00Z","context":{"page":{"referrer":"https://www.google.com/"}}},
			 {"type":"track","messageId":"m-08","userId":7345180,"event":"Order Completed","timestamp":"2026-03-02T11:00:00Z","properties":{"order_id":"o-2","total":15.5,"currency":"eur"}},
			 {"type":"page","messageId":"m-09","anonymousId":"a3","timestamp":"2026-03-02T23:59:59.999Z"},
			 {"type":"page","messageId":"m-10","anonymousId":"a3","timestamp":"2026-03-03T00:00:00.500Z"},
			 {"type":"page","messageId":"m-11","timestamp":"2026-03-02T12:00:00Z"},
			 {"type":"hover","messageId":"m-12","anonymousId":"a1","timestamp":"2026-03-02T12:00:00Z"},
			 {"type":"page","messageId":"m-13","anonymousId":"a1","timestamp":"2 March 2026"},
			 {"type":"track","messageId":"m-14","anonymousId":"a1","event":"Order Completed","timestamp":"2026-03-02T12:00:00Z","properties":{"order_id":"o-3","revenue":-1}},
			 42,
			 {"type":"page","anonymousId":"a4","timestamp":"2026-03-02T13:00:00Z","writeKey":"never-stored"},
			 {"type":"alias","messageId":"m-15","userId":"u1","previousId":"a1","timestamp":"2026-03-02T14:00:00Z"}
			],"context":{"library":{"name":"analytics.js","version":"2.11.1"}},"sentAt":"2026-03-02T14:00:01Z"}
			""";

	/** What the fixture must produce, counted by hand. */
	public static final class Expected {

		public static final int MESSAGES = 18;

		public static final int EVENTS = 12;

		public static final int DUPLICATES = 1;

		public static final int FAILED = 5;

		public static final int IDENTITY_LINKS = 3;

		public static final List<String> ORDERS = List.of("o-1 m-05 40.0000 USD 1", "o-2 m-08 15.5000 EUR 0");

		public static final List<String> FAILURE_REASONS = List.of("invalid_revenue", "invalid_timestamp",
				"missing_identity", "not_an_object", "unknown_type");

		private Expected() {
		}

	}

	private EventsFixture() {
	}

}
