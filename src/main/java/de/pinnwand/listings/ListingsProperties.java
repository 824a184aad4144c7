package de.pinnwand.listings;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notice board's listings.
 *
 * @param topics the topic codes people can choose from; each has a label {@code topic.<code>} in every
 * message bundle
 * @param offerLifetime how long an offer stays up before it expires
 * @param requestLifetime how long a request stays up before it expires
 * @param defaultReachKm how far help reaches when the poster does not say
 * @param maxReachKm the largest reach a listing may claim
 */
@ConfigurationProperties("pinnwand.listings")
public record ListingsProperties(
		@DefaultValue({ "language-learning", "accompaniment", "housing", "donations", "mobility", "work", "children",
				"health", "leisure", "meeting-places", "interpreting", "counselling" }) List<String> topics,
		@DefaultValue("56d") Duration offerLifetime, @DefaultValue("56d") Duration requestLifetime,
		@DefaultValue("10") int defaultReachKm, @DefaultValue("200") int maxReachKm) {

	Duration lifetimeOf(ListingKind kind) {
		return (kind == ListingKind.OFFER) ? this.offerLifetime : this.requestLifetime;
	}

}
