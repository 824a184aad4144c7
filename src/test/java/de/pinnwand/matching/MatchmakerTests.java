package de.pinnwand.matching;

import java.time.LocalDate;
import java.util.List;

import de.pinnwand.listings.TimeFrame;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatchmakerTests {

	@Test
	void weighsTimeFramesThatMeetThatCannotMeetAndThatAreOpen() {
		TimeFrame tuesdayAfternoon = TimeFrame.parse("WEEKLY:2:14:00-18:00");
		TimeFrame tuesdayEvening = TimeFrame.parse("WEEKLY:2:18:00-20:00");
		TimeFrame tuesdayFourToFive = TimeFrame.parse("WEEKLY:2:16:00-17:00");
		TimeFrame anyWednesday = TimeFrame.parse("WEEKLY:3");
		LocalDate aTuesday = LocalDate.of(2026, 12, 1);
		assertThat(Matchmaker.timeFit(tuesdayAfternoon, tuesdayFourToFive)).isEqualTo(1.0);
		assertThat(Matchmaker.timeFit(tuesdayAfternoon, tuesdayEvening)).as("touching is not overlapping").isZero();
		assertThat(Matchmaker.timeFit(tuesdayAfternoon, anyWednesday)).isZero();
		assertThat(Matchmaker.timeFit(TimeFrame.parse("DATE:" + aTuesday), tuesdayAfternoon)).isEqualTo(1.0);
		assertThat(Matchmaker.timeFit(TimeFrame.parse("DATE:" + aTuesday),
				TimeFrame.parse("DATE:" + aTuesday.plusDays(1))))
			.isZero();
		assertThat(Matchmaker.timeFit(null, tuesdayAfternoon)).isEqualTo(0.5);
		assertThat(Matchmaker.timeFit(TimeFrame.flexible(), tuesdayAfternoon)).isEqualTo(0.5);
	}

	@Test
	void weighsASharedSubtopicAboveASharedTopicAlone() {
		List<String> sofa = List.of("donations", "donations/furniture");
		assertThat(Matchmaker.topicFit(sofa, List.of("donations", "donations/furniture", "donations/toys")))
			.isEqualTo(1.0);
		assertThat(Matchmaker.topicFit(sofa, List.of("donations"))).as("the other side did not say").isEqualTo(0.75);
		assertThat(Matchmaker.topicFit(sofa, List.of("donations", "donations/clothes"))).isEqualTo(0.5);
		assertThat(Matchmaker.topicFit(sofa, List.of("housing"))).isZero();
		assertThat(Matchmaker.topicFit(List.of("donations"), List.of("donations", "donations/clothes")))
			.as("this side named no sub-topic: any of them fits")
			.isEqualTo(1.0);
		assertThat(Matchmaker.topicFit(List.of("housing", "mobility"), List.of("mobility"))).as("as before sub-topics")
			.isEqualTo(0.5);
		assertThat(Matchmaker.topicFit(List.of("housing", "housing/moving-help", "mobility"),
				List.of("housing", "housing/moving-help", "mobility", "mobility/rides")))
			.isEqualTo(1.0);
	}

	@Test
	void namesASharedSubtopicRatherThanItsParentAsTheReason() {
		assertThat(Matchmaker.sharedTopics(List.of("donations", "donations/furniture", "mobility"),
				List.of("mobility", "donations", "donations/furniture")))
			.containsExactly("donations/furniture", "mobility");
		assertThat(Matchmaker.sharedTopics(List.of("donations", "donations/furniture"),
				List.of("donations", "donations/toys")))
			.containsExactly("donations");
	}

	@Test
	void letsDariAndPersianSpeakersMeet() {
		assertThat(Matchmaker.speakable(List.of("prs"))).contains("fa");
		assertThat(Matchmaker.speakable(List.of("fa", "de"))).contains("prs", "de");
		assertThat(Matchmaker.speakable(List.of("ar"))).containsExactly("ar");
	}

}
