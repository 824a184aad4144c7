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
		assertThat(Matchmaker.timeFit(TimeFrame.parse("DATE:" + aTuesday), TimeFrame.parse("DATE:" + aTuesday.plusDays(1))))
			.isZero();
		assertThat(Matchmaker.timeFit(null, tuesdayAfternoon)).isEqualTo(0.5);
		assertThat(Matchmaker.timeFit(TimeFrame.flexible(), tuesdayAfternoon)).isEqualTo(0.5);
	}

	@Test
	void letsDariAndPersianSpeakersMeet() {
		assertThat(Matchmaker.speakable(List.of("prs"))).contains("fa");
		assertThat(Matchmaker.speakable(List.of("fa", "de"))).contains("prs", "de");
		assertThat(Matchmaker.speakable(List.of("ar"))).containsExactly("ar");
	}

}
