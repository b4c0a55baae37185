package io.turnout.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the {@code events} table: an accepted event, mapped as events.md says.
 *
 * <p>
 * Times are UTC instants truncated to microseconds; money has the table's scale.
 */
public record EventRow(String eventId, String eventType, String eventName, EventKind eventKind, Instant eventTime,
		LocalDate eventDate, Instant receivedAt, String anonymousId, String userId, String sourceId, String utmSource,
		String utmMedium, String utmCampaign, String utmTerm, String utmContent, String pageUrl, String pagePath,
		String pageReferrer, String pageTitle, String orderId, BigDecimal revenue, String currency, String productId,
		BigDecimal productPrice, Integer productQuantity, String properties, String context, String traits,
		Integer schemaVersion) {

	/**
	 * An event that carries both ids links its anonymous id to its user (an
	 * {@code identity_links} row).
	 */
	public boolean linksIdentity() {
		return this.anonymousId != null && this.userId != null;
	}

	public IdentityLink identityLink() {
		return new IdentityLink(this.anonymousId, this.userId, this.eventTime, this.eventId);
	}

	/**
	 * The session key (tables.md): the anonymous id, else {@code user:} and the user id.
	 */
	public String sessionKey() {
		return sessionKeyOf(this.anonymousId, this.userId);
	}

	public static String sessionKeyOf(String anonymousId, String userId) {
		return (anonymousId != null) ? anonymousId : "user:" + userId;
	}

	public boolean isOrder() {
		return this.eventKind == EventKind.ORDER_COMPLETED;
	}

}
