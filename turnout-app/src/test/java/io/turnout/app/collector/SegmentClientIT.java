package io.turnout.app.collector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.AliasMessage;
import com.segment.analytics.messages.GroupMessage;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.ScreenMessage;
import com.segment.analytics.messages.TrackMessage;
import io.turnout.app.testing.KafkaBroker;
import io.turnout.app.testing.RunningTurnout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real tracker: Segment's own Java library, pointed at the collector, sends a day of
 * traffic; every message lands in events or failed_events.
 */
class SegmentClientIT {

	@TempDir
	Path home;

	@Test
	void everyMessageOfSegmentsJavaLibraryLandsInEventsOrFailedEvents() {
		try (KafkaBroker kafka = KafkaBroker.start();
				RunningTurnout turnout = RunningTurnout.serving(this.home, kafka.bootstrapServers(),
						Map.of("turnout.use-cases.events.mode", "streaming"))) {
			AtomicInteger delivered = new AtomicInteger();
			AtomicInteger refused = new AtomicInteger();
			Analytics analytics = Analytics.builder(RunningTurnout.WRITE_KEY)
				.endpoint("http://127.0.0.1:" + turnout.port())
				.flushQueueSize(25)
				.callback(new Callback() {
					@Override
					public void success(Message message) {
						delivered.incrementAndGet();
					}

					@Override
					public void failure(Message message, Throwable cause) {
						refused.incrementAndGet();
					}
				})
				.build();
			int sent = 0;
			for (int visitor = 0; visitor < 40; visitor++) {
				String anonymousId = "segment-anon-" + visitor;
				String userId = "segment-user-" + visitor;
				analytics.enqueue(PageMessage.builder("Home")
					.anonymousId(anonymousId)
					.properties(Map.of("url", "https://shop.example.com/", "path", "/")));
				analytics.enqueue(ScreenMessage.builder("Catalog").anonymousId(anonymousId));
				analytics.enqueue(TrackMessage.builder("CTA Clicked").anonymousId(anonymousId));
				analytics.enqueue(TrackMessage.builder("Product Added")
					.anonymousId(anonymousId)
					.properties(Map.of("product_id", "sku-" + visitor, "price", 12.5, "quantity", 2)));
				analytics.enqueue(IdentifyMessage.builder()
					.anonymousId(anonymousId)
					.userId(userId)
					.traits(Map.of("email", userId + "@example.com")));
				analytics.enqueue(TrackMessage.builder("Order Completed")
					.userId(userId)
					.anonymousId(anonymousId)
					.properties(Map.of("order_id", "segment-order-" + visitor, "revenue", 25.0, "currency", "usd")));
				analytics.enqueue(GroupMessage.builder("company-" + (visitor % 3)).userId(userId));
				analytics.enqueue(AliasMessage.builder(anonymousId).userId(userId));
				sent += 8;
			}
			// A message the platform must fail, not lose: an order without order_id.
			analytics.enqueue(
					TrackMessage.builder("Order Completed").userId("segment-bad").properties(Map.of("revenue", 1)));
			sent += 1;
			analytics.flush();
			analytics.shutdown();
			int expected = sent;
			await().atMost(Duration.ofSeconds(60)).until(() -> delivered.get() + refused.get() == expected);
			await().atMost(Duration.ofSeconds(60)).until(() -> kafka.lag("turnout-events", "turnout.events.raw") == 0);

			assertThat(refused).hasValue(0);
			assertThat(turnout.count("events")).isEqualTo(320);
			assertThat(turnout.count("failed_events")).isEqualTo(1);
			assertThat(turnout.count("orders")).isEqualTo(40);
			assertThat(turnout.query("SELECT DISTINCT event_kind FROM marketing.events ORDER BY 1"))
				.flatExtracting(row -> row)
				.containsExactly("click", "identify", "order_completed", "other", "page_view", "product_added");
			assertThat(turnout.query("SELECT reason FROM marketing.failed_events"))
				.containsExactly(java.util.List.of("missing_order_id"));
		}
	}

}
