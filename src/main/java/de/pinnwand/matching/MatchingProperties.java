package de.pinnwand.matching;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How matches are found.
 *
 * @param candidates how many of the nearest listings that pass the hard rules (other
 * kind, shared topic and language, within reach) are ranked for a listing; fewer is
 * faster, more lets a better fit farther away in
 * @param relatedTopics sub-topics that fit each other although their codes differ (both
 * ways), e.g. a kindergarten place and childcare; setting it replaces the defaults
 */
@ConfigurationProperties("pinnwand.matching")
@Validated
public record MatchingProperties(@DefaultValue("100") @Positive int candidates,
		Map<String, List<String>> relatedTopics) {

	/**
	 * Pairs whose helpers and seekers meet in practice, though people file them apart.
	 */
	static final Map<String, List<String>> RELATED_BY_DEFAULT = Map.of("children/kindergarten",
			List.of("children/childcare"), "language-learning/homework-help",
			List.of("language-learning/tutoring", "children/school"), "mobility/bikes", List.of("mobility/bike-repair"),
			"work/job-search", List.of("work/applications"), "health/doctors-search", List.of("accompaniment/doctors"));

	public MatchingProperties {
		relatedTopics = (relatedTopics == null || relatedTopics.isEmpty()) ? RELATED_BY_DEFAULT
				: Map.copyOf(relatedTopics);
	}

}
