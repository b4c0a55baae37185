package io.turnout.events;

/**
 * What an accepted event means for marketing, derived from its type and name (events.md).
 */
public enum EventKind {

	PAGE_VIEW("page_view"), CLICK("click"), PRODUCT_ADDED("product_added"), ORDER_COMPLETED("order_completed"),
	CART_ABANDONED("cart_abandoned"), IDENTIFY("identify"), OTHER("other");

	private final String code;

	EventKind(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	/** page and screen are page views; track names are matched case-sensitively. */
	static EventKind of(String type, String trackEvent) {
		return switch (type) {
			case "page", "screen" -> PAGE_VIEW;
			case "identify" -> IDENTIFY;
			case "track" -> switch (trackEvent) {
				case "Order Completed" -> ORDER_COMPLETED;
				case "Product Added" -> PRODUCT_ADDED;
				case "Cart Abandoned" -> CART_ABANDONED;
				default -> trackEvent.endsWith("Clicked") ? CLICK : OTHER;
			};
			default -> OTHER;
		};
	}

}
