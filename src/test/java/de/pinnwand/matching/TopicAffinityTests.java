package de.pinnwand.matching;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A test set of pairs from the demo board: which should meet and which must not. */
class TopicAffinityTests {

	private final TopicAffinity topics = new TopicAffinity(new MatchingProperties(100, null).relatedTopics());

	private static final List<String> KINDERGARTEN_REQUEST = List.of("children", "children/kindergarten",
			"counselling");

	private static final List<String> BASKETBALL_TRAINING = List.of("leisure", "leisure/sport", "children");

	@Test
	void pairsAboutTheSameThingMeet() {
		// A German course with childcare and a German course.
		assertGood(List.of("language-learning", "language-learning/german-course", "children", "children/childcare"),
				List.of("language-learning", "language-learning/german-course"));
		// Someone to come to the paediatrician and rides to doctors' appointments.
		assertGood(List.of("health", "accompaniment", "accompaniment/doctors", "interpreting"),
				List.of("mobility", "mobility/rides", "health", "accompaniment", "accompaniment/doctors"));
		// A language buddy, asked for in general, and a German course.
		assertGood(List.of("language-learning", "meeting-places"),
				List.of("language-learning", "language-learning/german-course"));
		// A swimming course for adults and swimming lessons.
		assertGood(List.of("leisure", "leisure/sport", "health"), List.of("leisure", "leisure/sport", "children"));
		// Furniture asked for and donations of any kind offered.
		assertGood(List.of("donations", "donations/furniture"), List.of("donations"));
		// Configured as related: a kindergarten place and childcare.
		assertGood(KINDERGARTEN_REQUEST, List.of("children", "children/childcare"));
		assertGood(List.of("health", "health/doctors-search"), List.of("accompaniment", "accompaniment/doctors"));
	}

	@Test
	void pairsThatOnlyShareWhoTheyAreForDoNotMeet() {
		assertBad(KINDERGARTEN_REQUEST, BASKETBALL_TRAINING);
		// Winter clothes for two boys and guitar lessons for teenagers.
		assertBad(List.of("donations", "donations/clothes", "children"),
				List.of("leisure", "leisure/culture", "children"));
		// A pram and baby clothes, and a child's bicycle.
		assertBad(List.of("donations", "donations/clothes", "children"),
				List.of("donations", "mobility", "mobility/bikes", "children"));
		// A sofa and children's clothes: both donations, not the same thing.
		assertBad(List.of("donations", "donations/furniture"), List.of("donations", "donations/clothes"));
		// A flat and moving help with a fridge on offer.
		assertBad(List.of("housing", "housing/flat-search"),
				List.of("donations", "donations/household", "housing", "housing/moving-help"));
		// Maths tutoring for pupils and an Arabic course for children are not for a
		// kindergarten place.
		assertBad(KINDERGARTEN_REQUEST, List.of("children", "children/school"));
	}

	@Test
	void relatedTopicsComeFromTheSettingsAndWorkBothWays() {
		TopicAffinity configured = new TopicAffinity(
				new MatchingProperties(100, Map.of("leisure/sport", List.of("health/mental-health"))).relatedTopics());
		assertThat(configured.fits(List.of("health/mental-health"), BASKETBALL_TRAINING)).isTrue();
		assertThat(configured.fits(BASKETBALL_TRAINING, List.of("health/mental-health"))).isTrue();
		assertThat(configured.fits(KINDERGARTEN_REQUEST, List.of("children/childcare")))
			.as("a setting replaces the defaults")
			.isFalse();
	}

	private void assertGood(List<String> a, List<String> b) {
		assertThat(this.topics.fits(a, b)).as(a + " should meet " + b).isTrue();
		assertThat(this.topics.fits(b, a)).as(b + " should meet " + a).isTrue();
	}

	private void assertBad(List<String> a, List<String> b) {
		assertThat(this.topics.fits(a, b)).as(a + " must not meet " + b).isFalse();
		assertThat(this.topics.fits(b, a)).as(b + " must not meet " + a).isFalse();
	}

}
