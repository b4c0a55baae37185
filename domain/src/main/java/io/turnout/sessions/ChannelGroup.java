package io.turnout.sessions;

import java.util.Locale;
import java.util.Set;

/** The channel group of tables.md: the first rule that matches, case-insensitive. */
public enum ChannelGroup {

	PAID_SEARCH("Paid Search"), DISPLAY("Display"), EMAIL("Email"), SOCIAL("Social"), AFFILIATES("Affiliates"),
	ORGANIC_SEARCH("Organic Search"), REFERRAL("Referral"), DIRECT("Direct"), OTHER("Other");

	private static final Set<String> PAID_SEARCH_MEDIA = Set.of("cpc", "ppc", "paid", "paidsearch");

	private static final Set<String> DISPLAY_MEDIA = Set.of("display", "banner", "cpm");

	private static final Set<String> EMAIL_MEDIA = Set.of("email", "e-mail");

	private static final Set<String> SOCIAL_MEDIA = Set.of("social", "social-network", "paid-social", "paidsocial");

	private static final Set<String> SOCIAL_SOURCES = Set.of("facebook", "instagram", "twitter", "x", "linkedin",
			"tiktok", "pinterest");

	private final String label;

	ChannelGroup(String label) {
		this.label = label;
	}

	/** The name BI tools see in {@code channel_group}. */
	public String label() {
		return this.label;
	}

	public static ChannelGroup of(TrafficSource traffic) {
		String medium = (traffic.medium() != null) ? traffic.medium().toLowerCase(Locale.ROOT) : "";
		String source = (traffic.source() != null) ? traffic.source().toLowerCase(Locale.ROOT) : "";
		if (PAID_SEARCH_MEDIA.contains(medium)) {
			return PAID_SEARCH;
		}
		if (DISPLAY_MEDIA.contains(medium)) {
			return DISPLAY;
		}
		if (EMAIL_MEDIA.contains(medium)) {
			return EMAIL;
		}
		if (SOCIAL_MEDIA.contains(medium) || SOCIAL_SOURCES.contains(source)) {
			return SOCIAL;
		}
		if (medium.equals("affiliate")) {
			return AFFILIATES;
		}
		if (medium.equals("organic")) {
			return ORGANIC_SEARCH;
		}
		if (medium.equals("referral")) {
			return REFERRAL;
		}
		if (source.equals("(direct)")) {
			return DIRECT;
		}
		return OTHER;
	}

}
