package io.turnout.sessions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.turnout.events.EventKind;
import io.turnout.events.EventRow;

/** Hand-written events for the rule tests: only what a rule reads is set. */
public final class Event {

	private String id;

	private String type = "page";

	private EventKind kind = EventKind.PAGE_VIEW;

	private String name;

	private Instant time;

	private String anonymousId;

	private String userId;

	private String utmSource;

	private String utmMedium;

	private String utmCampaign;

	private String url;

	private String referrer;

	private String orderId;

	private BigDecimal revenue;

	private BigDecimal price;

	private Integer quantity;

	private Event(String id, String time) {
		this.id = id;
		this.time = Instant.parse(time);
	}

	public static Event page(String id, String time) {
		return new Event(id, time);
	}

	public static Event track(String id, String time, String name, EventKind kind) {
		Event event = new Event(id, time);
		event.type = "track";
		event.name = name;
		event.kind = kind;
		return event;
	}

	public static Event click(String id, String time) {
		return track(id, time, "CTA Clicked", EventKind.CLICK);
	}

	public static Event productAdded(String id, String time) {
		return track(id, time, "Product Added", EventKind.PRODUCT_ADDED);
	}

	public static Event productAdded(String id, String time, String price, int quantity) {
		Event event = productAdded(id, time);
		event.price = new BigDecimal(price).setScale(4);
		event.quantity = quantity;
		return event;
	}

	public static Event orderCompleted(String id, String time, String orderId, String revenue) {
		Event event = track(id, time, "Order Completed", EventKind.ORDER_COMPLETED);
		event.orderId = orderId;
		event.revenue = new BigDecimal(revenue).setScale(4);
		return event;
	}

	public static Event identify(String id, String time) {
		Event event = new Event(id, time);
		event.type = "identify";
		event.kind = EventKind.IDENTIFY;
		return event;
	}

	public Event anonymous(String anonymousId) {
		this.anonymousId = anonymousId;
		return this;
	}

	public Event user(String userId) {
		this.userId = userId;
		return this;
	}

	public Event utm(String source, String medium, String campaign) {
		this.utmSource = source;
		this.utmMedium = medium;
		this.utmCampaign = campaign;
		return this;
	}

	public Event url(String url) {
		this.url = url;
		return this;
	}

	public Event referrer(String referrer) {
		this.referrer = referrer;
		return this;
	}

	public EventRow row() {
		boolean order = this.kind == EventKind.ORDER_COMPLETED;
		return new EventRow(this.id, this.type, this.name, this.kind, this.time,
				LocalDate.ofInstant(this.time, ZoneOffset.UTC), this.time, this.anonymousId, this.userId, "web",
				this.utmSource, this.utmMedium, this.utmCampaign, null, null, this.url, null, this.referrer, null,
				this.orderId, this.revenue, order ? "USD" : null, null, this.price, this.quantity, null, null, null,
				null);
	}

}
