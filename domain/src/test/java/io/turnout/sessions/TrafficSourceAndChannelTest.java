package io.turnout.sessions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * tables.md: source and medium of a session, and the channel group rules in their order.
 */
class TrafficSourceAndChannelTest {

	@Test
	void utmParametersWinAndSourceAndMediumAreLowerCased() {
		TrafficSource traffic = TrafficSource.of(Event.page("e", "2026-03-02T10:00:00Z")
			.utm("Google", "CPC", "Spring_Sale")
			.referrer("https://www.bing.com/")
			.row(), "https://shop.example.com/");

		assertThat(traffic).isEqualTo(new TrafficSource("google", "cpc", "Spring_Sale"));
	}

	@Test
	void aSearchEngineReferrerIsOrganicWithoutWww() {
		assertThat(TrafficSource.of(
				Event.page("e", "2026-03-02T10:00:00Z").referrer("https://www.Google.com/search?q=x").row(),
				"https://shop.example.com/"))
			.isEqualTo(new TrafficSource("google.com", "organic", null));
	}

	@Test
	void anotherSitesReferrerIsReferralAndHostsCompareWithoutPort() {
		assertThat(TrafficSource.of(
				Event.page("e", "2026-03-02T10:00:00Z").referrer("https://news.example.org:8443/a").row(),
				"https://shop.example.com/"))
			.isEqualTo(new TrafficSource("news.example.org", "referral", null));
		assertThat(TrafficSource.of(
				Event.page("e", "2026-03-02T10:00:00Z").referrer("https://shop.example.com:443/x").row(),
				"https://SHOP.example.com/landing"))
			.isEqualTo(TrafficSource.DIRECT);
	}

	@Test
	void aReferrerWithoutALandingPageCountsAsAnotherHost() {
		assertThat(TrafficSource.of(Event.page("e", "2026-03-02T10:00:00Z").referrer("https://www.example.net/").row(),
				null))
			.isEqualTo(new TrafficSource("example.net", "referral", null));
	}

	@Test
	void anEmptyUtmSourceAndNoReferrerIsDirect() {
		assertThat(TrafficSource.of(Event.page("e", "2026-03-02T10:00:00Z").utm("", "cpc", "x").row(), null))
			.isEqualTo(new TrafficSource("(direct)", "(none)", null));
	}

	@ParameterizedTest(name = "{0} / {1} -> {2}")
	@CsvSource({ "google, cpc, Paid Search", "bing, PPC, Paid Search", "x, paid, Paid Search",
			"x, paidsearch, Paid Search", "x, display, Display", "x, Banner, Display", "x, cpm, Display",
			"newsletter, email, Email", "newsletter, E-Mail, Email", "x, social, Social", "x, social-network, Social",
			"facebook, paid-social, Social", "x, paidsocial, Social", "Facebook, cpc, Paid Search",
			"instagram, , Social", "twitter, , Social", "x, , Social", "linkedin, , Social", "tiktok, , Social",
			"pinterest, referral, Social", "partner, affiliate, Affiliates", "google.com, organic, Organic Search",
			"news.example.org, referral, Referral", "(direct), (none), Direct", "newsletter, , Other",
			"partner, partner, Other" })
	void theFirstChannelRuleThatMatches(String source, String medium, String channel) {
		assertThat(ChannelGroup.of(new TrafficSource(source, medium, null)).label()).isEqualTo(channel);
	}

}
