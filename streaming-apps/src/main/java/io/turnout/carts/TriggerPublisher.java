package io.turnout.carts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.turnout.carts.CartTriggers.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes a retargeting trigger to {@code turnout.campaign.triggers} for every
 * abandoned cart whose abandonment time event time has passed (the watermark is the
 * latest event time accepted), whichever shell wrote the cart. A published cart is
 * recorded in the control database, so a replay or a restatement never publishes it
 * again; a crash between the publish and the record may publish it twice (at least once,
 * never lost).
 */
public class TriggerPublisher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(TriggerPublisher.class);

	private final CartWarehouse carts;

	private final PublishedTriggers published;

	private final KafkaTemplate<String, String> kafka;

	private final String topic;

	private final Clock clock;

	public TriggerPublisher(CartWarehouse carts, PublishedTriggers published, KafkaTemplate<String, String> kafka,
			String topic, Clock clock) {
		this.carts = carts;
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
		Optional<Instant> watermark = this.carts.inOneTransaction(CartTables::latestEventTime);
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
		for (Trigger trigger : due) {
			try {
				this.kafka.send(this.topic, trigger.key(), trigger.value()).get(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				log.warn("Publishing the trigger of cart {} failed, tried again shortly: {}", trigger.key(),
						ex.toString());
				return 0;
			}
			this.published.markPublished(List.of(trigger.key()), this.clock.instant());
		}
		if (!due.isEmpty()) {
			log.info("use case cart-abandonment: published {} triggers", due.size());
		}
		return due.size();
	}

}
