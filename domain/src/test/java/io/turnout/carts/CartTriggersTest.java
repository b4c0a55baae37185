package io.turnout.carts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trigger per abandoned cart, due at its abandonment time in event time, published
 * once.
 */
class CartTriggersTest {

	private static final CartAbandonmentRow CART = new CartAbandonmentRow("s-1", "anon:a9", "a9", null,
			Instant.parse("2026-03-02T12:01:00Z"), Instant.parse("2026-03-02T12:31:00Z"), LocalDate.parse("2026-03-02"),
			new BigDecimal("5.0000"), 1);

	@Test
	void aCartIsDueOnceTheWatermarkReachesItsAbandonmentTime() {
		assertThat(CartTriggers.due(List.of(CART), Set.of(), Instant.parse("2026-03-02T12:30:59.999999Z"))).isEmpty();
		assertThat(CartTriggers.due(List.of(CART), Set.of(), Instant.parse("2026-03-02T12:31:00Z"))).singleElement()
			.satisfies(trigger -> {
				assertThat(trigger.key()).isEqualTo("s-1");
				assertThat(trigger.value()).isEqualTo("{\"type\":\"cart_abandoned\",\"session_id\":\"s-1\","
						+ "\"customer_key\":\"anon:a9\",\"anonymous_id\":\"a9\",\"user_id\":null,\"cart_value\":5.0000,"
						+ "\"items\":1,\"last_product_added_at\":\"2026-03-02T12:01:00Z\","
						+ "\"abandoned_at\":\"2026-03-02T12:31:00Z\"}");
			});
	}

	@Test
	void aPublishedCartIsNeverDueAgain() {
		assertThat(CartTriggers.due(List.of(CART), Set.of("s-1"), Instant.parse("2026-03-03T00:00:00Z"))).isEmpty();
	}

}
