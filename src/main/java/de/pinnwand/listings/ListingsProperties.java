package de.pinnwand.listings;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notice board's listings.
 *
 * @param topics the topic codes people can choose from, parents and sub-topics in the
 * order the form shows them; a sub-topic is written {@code parent/child} and its parent
 * must be in the list too (see {@link TopicTree}); each code has a label
 * {@code topic.<code>} in every message bundle
 * @param offerLifetime how long an offer stays up before it expires
 * @param requestLifetime how long a request stays up before it expires
 * @param defaultReachKm how far help reaches when the poster does not say
 * @param maxReachKm the largest reach a listing may claim
 * @param reopenWithin how long after marking a listing fulfilled or withdrawing it its
 * poster may open it again (undo), as long as its time is not up
 */
@ConfigurationProperties("pinnwand.listings")
public record ListingsProperties(@DefaultValue( {
		"language-learning", "language-learning/german-course", "language-learning/tutoring",
		"language-learning/homework-help", "accompaniment", "accompaniment/authorities", "accompaniment/doctors",
		"accompaniment/school-meetings", "housing", "housing/flat-search", "housing/moving-help", "housing/renovation",
		"donations", "donations/furniture", "donations/clothes", "donations/household", "donations/toys", "mobility",
		"mobility/bikes", "mobility/rides", "mobility/bike-repair", "work", "work/job-search", "work/applications",
		"work/internships", "work/vocational-training", "children", "children/childcare", "children/school",
		"children/kindergarten", "health", "health/doctors-search", "health/mental-health", "health/pregnancy",
		"leisure", "leisure/sport", "leisure/culture", "leisure/excursions", "meeting-places", "meeting-places/cafe",
		"meeting-places/women-meeting", "meeting-places/youth", "interpreting", "interpreting/arabic",
		"interpreting/dari-persian", "interpreting/ukrainian", "interpreting/other-languages", "counselling",
		"counselling/social", "counselling/legal", "counselling/asylum-procedure",
		"counselling/debt" }) List<String> topics, @DefaultValue("56d") Duration offerLifetime,
		@DefaultValue("56d") Duration requestLifetime, @DefaultValue("10") int defaultReachKm,
		@DefaultValue("200") int maxReachKm, @DefaultValue("7d") Duration reopenWithin){

	public ListingsProperties {
		// A wrong taxonomy stops the start with a message naming the code, not a listing
		// later.
		topics = TopicTree.check(topics);
	}

	Duration lifetimeOf(ListingKind kind) {
		return (kind == ListingKind.OFFER) ? this.offerLifetime : this.requestLifetime;
	}

}
