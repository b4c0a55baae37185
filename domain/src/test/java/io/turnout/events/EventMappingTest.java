package io.turnout.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The mapping rules of events.md, one accepted message at a time. */
class EventMappingTest {

	private final EventValidation validation = new EventValidation();

	private EventRow accepted(String raw) {
		Outcome outcome = this.validation.validate(raw);
		assertThat(outcome).as(outcome.toString()).isInstanceOf(Outcome.Accepted.class);
		return ((Outcome.Accepted) outcome).event();
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource({ "page, , page_view", "screen, , page_view", "identify, , identify", "group, , other", "alias, , other",
			"track, Order Completed, order_completed", "track, Product Added, product_added",
			"track, Cart Abandoned, cart_abandoned", "track, CTA Clicked, click", "track, Clicked, click",
			"track, CTA clicked, other", "track, Signed Up, other", "track, Clicked Twice, other" })
	void eventKindFollowsTypeAndName(String type, String event, String kind) {
		String properties = "Order Completed".equals(event) ? ",\"properties\":{\"order_id\":\"o\",\"revenue\":1}" : "";
		String raw = "{\"type\":\"" + type + "\",\"anonymousId\":\"a\",\"timestamp\":\"2026-03-01T10:00:00Z\""
				+ ((event != null) ? ",\"event\":\"" + event + "\"" : "") + properties + "}";

		assertThat(accepted(raw).eventKind().code()).isEqualTo(kind);
	}

	@Test
	void eventIdIsTheMessageIdAndNumbersBecomeTheirJsonText() {
		EventRow row = accepted("{\"type\":\"page\",\"messageId\":7345180,\"userId\":7345180,"
				+ "\"timestamp\":\"2026-03-01T10:00:00Z\"}");

		assertThat(row.eventId()).isEqualTo("7345180");
		assertThat(row.userId()).isEqualTo("7345180");
		assertThat(row.anonymousId()).isNull();
	}

	@Test
	void aLakeLineWithoutMessageIdGetsTheMd5OfTheLine() {
		String raw = "{\"type\":\"page\",\"anonymousId\":\"a\",\"timestamp\":\"2026-03-01T10:00:00Z\"}";

		assertThat(accepted(raw).eventId()).isEqualTo(Hashes.md5(raw)).hasSize(32);
	}

	@Test
	void eventTimeIsTimestampElseOriginalTimestampElseReceivedAtInUtc() {
		assertThat(accepted("{\"type\":\"page\",\"anonymousId\":\"a\",\"timestamp\":\"2026-03-01T01:00:00+02:00\","
				+ "\"originalTimestamp\":\"2026-01-01T00:00:00Z\",\"receivedAt\":\"2026-03-01T00:00:00Z\"}")
			.eventTime()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
		assertThat(accepted("{\"type\":\"page\",\"anonymousId\":\"a\",\"originalTimestamp\":\"2026-03-01T05:00:00\","
				+ "\"receivedAt\":\"2026-03-01T06:00:00Z\"}")
			.eventTime()).isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
		EventRow fromReceivedAt = accepted(
				"{\"type\":\"page\",\"anonymousId\":\"a\",\"receivedAt\":\"2026-03-01T06:00:00.123456Z\"}");
		assertThat(fromReceivedAt.eventTime()).isEqualTo(Instant.parse("2026-03-01T06:00:00.123456Z"));
		assertThat(fromReceivedAt.eventDate()).isEqualTo(LocalDate.parse("2026-03-01"));
	}

	@Test
	void aLineWithoutReceivedAtIsReceivedAtItsEventTime() {
		EventRow row = accepted("{\"type\":\"page\",\"anonymousId\":\"a\",\"timestamp\":\"2026-03-01T23:59:59Z\"}");

		assertThat(row.receivedAt()).isEqualTo(Instant.parse("2026-03-01T23:59:59Z"));
	}

	@Test
	void moreThanSixFractionDigitsAreTruncatedToMicroseconds() {
		assertThat(accepted("{\"type\":\"page\",\"anonymousId\":\"a\",\"timestamp\":\"2026-03-01T10:00:00.1234569Z\"}")
			.eventTime()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
		assertThat(
				accepted("{\"type\":\"page\",\"anonymousId\":\"a\",\"timestamp\":\"2026-03-01T10:00Z\"}").eventTime())
			.isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
	}

	@Test
	void anOrderReadsMoneyFromTheDecimalTextRoundedHalfEven() {
		assertThat(order("\"revenue\":10.00005").revenue()).isEqualByComparingTo("10.0000");
		assertThat(order("\"revenue\":10.00005").revenue().scale()).isEqualTo(4);
		assertThat(order("\"revenue\":20.00015").revenue()).isEqualByComparingTo("20.0002");
		assertThat(order("\"revenue\":1E+2").revenue()).isEqualByComparingTo("100.0000");
	}

	@Test
	void revenueFallsBackToTotalOnlyWhenAbsent() {
		assertThat(order("\"total\":30.5").revenue()).isEqualByComparingTo("30.5");
		assertThat(order("\"revenue\":null,\"total\":30.5").revenue()).isEqualByComparingTo("30.5");
		assertThat(order("\"revenue\":0,\"total\":30.5").revenue()).isEqualByComparingTo("0");
	}

	@Test
	void currencyIsUpperCasedAndDefaultsToUsd() {
		assertThat(order("\"revenue\":1,\"currency\":\"eur\"").currency()).isEqualTo("EUR");
		assertThat(order("\"revenue\":1").currency()).isEqualTo("USD");
		assertThat(order("\"revenue\":1,\"currency\":\"\"").currency()).isEqualTo("USD");
		assertThat(order("\"revenue\":1,\"currency\":978").currency()).isEqualTo("USD");
	}

	@Test
	void anOrderIdNumberBecomesAString() {
		EventRow row = order("\"revenue\":1", "123");

		assertThat(row.orderId()).isEqualTo("123");
		assertThat(row.productId()).isNull();
	}

	@Test
	void productAddedTakesProductPriceAndQuantityWithDefaults() {
		EventRow full = accepted("{\"type\":\"track\",\"event\":\"Product Added\",\"anonymousId\":\"a\","
				+ "\"timestamp\":\"2026-03-01T10:00:00Z\",\"properties\":{\"product_id\":\"sku-1\",\"price\":19.99,\"quantity\":3}}");
		EventRow defaults = accepted("{\"type\":\"track\",\"event\":\"Product Added\",\"anonymousId\":\"a\","
				+ "\"timestamp\":\"2026-03-01T10:00:00Z\",\"properties\":{\"product_id\":\"sku-1\",\"price\":\"9\",\"quantity\":\"2\"}}");

		assertThat(full.productId()).isEqualTo("sku-1");
		assertThat(full.productPrice()).isEqualTo(new BigDecimal("19.9900"));
		assertThat(full.productQuantity()).isEqualTo(3);
		assertThat(defaults.productPrice()).isEqualTo(new BigDecimal("0.0000"));
		assertThat(defaults.productQuantity()).isEqualTo(1);
		assertThat(full.orderId()).isNull();
		assertThat(full.revenue()).isNull();
	}

	@Test
	void utmColumnsComeFromContextCampaign() {
		EventRow row = accepted("{\"type\":\"page\",\"anonymousId\":\"a\",\"timestamp\":\"2026-03-01T10:00:00Z\","
				+ "\"context\":{\"campaign\":{\"source\":\"Google\",\"medium\":\"cpc\",\"name\":\"spring\",\"term\":\"boots\",\"content\":\"ad1\"}}}");

		assertThat(row.utmSource()).isEqualTo("Google");
		assertThat(row.utmMedium()).isEqualTo("cpc");
		assertThat(row.utmCampaign()).isEqualTo("spring");
		assertThat(row.utmTerm()).isEqualTo("boots");
		assertThat(row.utmContent()).isEqualTo("ad1");
	}

	@Test
	void pageColumnsComeFromPropertiesFallingBackToContextPage() {
		String context = "\"context\":{\"page\":{\"url\":\"https://ctx/u\",\"path\":\"/ctx\",\"referrer\":\"https://ref\",\"title\":\"Ctx\"}}";
		EventRow page = accepted(
				"{\"type\":\"page\",\"name\":\"Home\",\"anonymousId\":\"a\",\"timestamp\":\"2026-03-01T10:00:00Z\","
						+ "\"properties\":{\"url\":\"https://site/p\",\"title\":\"Prop\"}," + context + "}");
		EventRow track = accepted(
				"{\"type\":\"track\",\"event\":\"CTA Clicked\",\"anonymousId\":\"a\",\"timestamp\":\"2026-03-01T10:00:00Z\","
						+ "\"properties\":{\"url\":\"https://site/p\"}," + context + "}");

		assertThat(page.pageUrl()).isEqualTo("https://site/p");
		assertThat(page.pageTitle()).isEqualTo("Prop");
		assertThat(page.pagePath()).isEqualTo("/ctx");
		assertThat(page.pageReferrer()).isEqualTo("https://ref");
		assertThat(page.eventName()).isEqualTo("Home");
		assertThat(track.pageUrl()).isEqualTo("https://ctx/u");
		assertThat(track.eventName()).isEqualTo("CTA Clicked");
	}

	@Test
	void unknownFieldsAreKeptInTheJsonColumnsAsReceived() {
		EventRow row = accepted("{\"type\":\"identify\",\"userId\":\"u\",\"timestamp\":\"2026-03-01T10:00:00Z\","
				+ "\"futureField\":1,\"traits\":{\"email\":\"a@b.c\",\"score\":1.50},\"context\":{\"x\":{\"y\":[1,2]}}}");

		assertThat(row.traits()).isEqualTo("{\"email\":\"a@b.c\",\"score\":1.50}");
		assertThat(row.context()).isEqualTo("{\"x\":{\"y\":[1,2]}}");
		assertThat(row.properties()).isNull();
		assertThat(row.eventName()).isNull();
		assertThat(row.schemaVersion()).isNull();
	}

	@Test
	void anEventWithBothIdsLinksThem() {
		EventRow row = accepted("{\"type\":\"identify\",\"messageId\":\"m\",\"anonymousId\":\"a\",\"userId\":\"u\","
				+ "\"timestamp\":\"2026-03-01T10:00:00Z\"}");

		assertThat(row.linksIdentity()).isTrue();
		assertThat(row.identityLink())
			.isEqualTo(new IdentityLink("a", "u", Instant.parse("2026-03-01T10:00:00Z"), "m"));
	}

	private EventRow order(String money) {
		return order(money, "\"o-1\"");
	}

	private EventRow order(String money, String orderId) {
		return accepted("{\"type\":\"track\",\"event\":\"Order Completed\",\"anonymousId\":\"a\","
				+ "\"timestamp\":\"2026-03-01T10:00:00Z\",\"properties\":{\"order_id\":" + orderId + "," + money
				+ "}}");
	}

}
