package io.turnout.sessions;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import io.turnout.events.EventRow;

/**
 * Where a session came from (tables.md, source and medium of a session): the first
 * event's UTM parameters when it has a {@code utm_source}; else the referrer's host when
 * it differs from the landing host ({@code organic} for search engines, else
 * {@code referral}); else {@code (direct)} / {@code (none)}.
 */
public record TrafficSource(String source, String medium, String campaign) {

	public static final TrafficSource DIRECT = new TrafficSource("(direct)", "(none)", null);

	private static final List<String> SEARCH_ENGINES = List.of("google.", "bing.", "duckduckgo.", "yahoo.", "baidu.",
			"yandex.");

	/**
	 * @param first the session's first event
	 * @param landingUrl the page_url of its first page view, or null
	 */
	public static TrafficSource of(EventRow first, String landingUrl) {
		if (first.utmSource() != null && !first.utmSource().isEmpty()) {
			return new TrafficSource(first.utmSource().toLowerCase(Locale.ROOT), lowerOrNull(first.utmMedium()),
					first.utmCampaign());
		}
		String referrerHost = hostOf(first.pageReferrer());
		if (referrerHost != null && !referrerHost.equals(hostOf(landingUrl))) {
			String source = referrerHost.startsWith("www.") ? referrerHost.substring(4) : referrerHost;
			boolean search = SEARCH_ENGINES.stream().anyMatch(referrerHost::contains);
			return new TrafficSource(source, search ? "organic" : "referral", null);
		}
		return DIRECT;
	}

	/** The host of a URL, lower-cased and without port; null when there is none. */
	static String hostOf(String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		try {
			String host = new URI(url.trim()).getHost();
			return (host != null && !host.isEmpty()) ? host.toLowerCase(Locale.ROOT) : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static String lowerOrNull(String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

}
