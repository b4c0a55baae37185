package io.turnout.app.carts;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An abandoned cart whose trigger message was published. */
@Table("turnout_cart_trigger")
public record CartTrigger(@Id String sessionId, Instant publishedAt, @Version Long version) {
}
