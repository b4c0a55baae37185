package io.turnout.carts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.turnout.carts.CartTriggers.Trigger;
import io.turnout.usecases.Watermark;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes a retargeting trigger to {@code turnout.campaign.triggers} for every
 * abandoned cart whose abandonment time the stream's event-time {@link Watermark} has
 * passed, whichever shell wrote the cart. A published cart is recorded in the control
 * database, so a replay or a restatement never publishes it again; a crash between the
 * publish and the record may publish it twice (at least once, never lost).
 */
public class TriggerPublisher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(TriggerPublisher.class);

	private final CartWarehouse carts;

	private final PublishedTriggers published;

	private final KafkaTemplate<String, String> kafka;

	private final String topic;

	private final Clock clock;

	private final Watermark watermark;

	private final Consumer<Duration> triggerLag;

	/**
	 * @param watermark the stream's watermark; before it has one (no event stored since
	 * start-up), the greatest event time in the warehouse
	 * @param triggerLag told, per published trigger, how long after the watermark passed
	 * the cart's abandonment time it was published
	 */
	public TriggerPublisher(CartWarehouse carts, PublishedTriggers published, KafkaTemplate<String, String> kafka,
			String topic, Clock clock, Watermark watermark, Consumer<Duration> triggerLag) {
		this.carts = carts;
		this.watermark = watermark;
		this.triggerLag = triggerLag;
		this.published = published;
		this.kafka = kafka;
		this.topic = topic;
		this.clock = clock;
	}

	/** Closes the producer, before the broker goes away. */
	@Override
	public void close() {
		if (this.kafka.getProducerFactory() instanceof DefaultKafkaProducerFactory<String, String> factory) {
			factory.destroy();
		}
	}

	/** Publishes what is due; returns how many triggers it sent. */
	public int publishDue() {
		Optional<Instant> watermark = this.watermark.current()
			.or(() -> this.carts.inOneTransaction(CartTables::latestEventTime));
		if (watermark.isEmpty()) {
			return 0;
		}
		List<CartAbandonmentRow> abandoned = this.carts.inOneTransaction(tables -> tables.abandonedBy(watermark.get()));
		if (abandoned.isEmpty()) {
			return 0;
		}
		List<Trigger> due = CartTriggers.due(abandoned,
				this.published.publishedAmong(abandoned.stream().map(CartAbandonmentRow::sessionId).toList()),
				watermark.get());
		Map<String, CompletableFuture<?>> sent = new LinkedHashMap<>();
		for (Trigger trigger : due) {
			sent.put(trigger.key(), this.kafka.send(this.topic, trigger.key(), trigger.value()));
		}
		List<String> published = new ArrayList<>();
		for (Map.Entry<String, CompletableFuture<?>> send : sent.entrySet()) {
			try {
				send.getValue().get(10, TimeUnit.SECONDS);
				published.add(send.getKey());
			}
			catch (Exception ex) {
				log.warn("Publishing the trigger of cart {} failed, tried again shortly: {}", send.getKey(),
						ex.toString());
			}
		}
		if (published.isEmpty()) {
			return 0;
		}
		Instant now = this.clock.instant();
		this.published.markPublished(published, now);
		Map<String, Instant> abandonedAt = new HashMap<>();
		abandoned.forEach(cart -> abandonedAt.put(cart.sessionId(), cart.abandonedAt()));
		for (String sessionId : published) {
			this.watermark.reachedAt(abandonedAt.get(sessionId))
				.ifPresent(passed -> this.triggerLag.accept(Duration.between(passed, now)));
		}
		log.info("use case cart-abandonment: published {} triggers", published.size());
		return published.size();
	}

}
