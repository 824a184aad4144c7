package de.pinnwand.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SynonymsTests {

	private final Synonyms synonyms = new Synonyms(
			List.of("flat, apartment", "rad => fahrrad", "дитсадок, дитячий садок", "دکتر, داکتر"));

	@Test
	void equivalentWordsFindEachOther() {
		assertThat(this.synonyms.alternativesFor("Apartment in Ludwigsburg")).containsExactly("flat");
		assertThat(this.synonyms.alternativesFor("small flat")).containsExactly("apartment");
	}

	@Test
	void aOneWayRuleDoesNotGoBack() {
		assertThat(this.synonyms.alternativesFor("Rad")).containsExactly("fahrrad");
		assertThat(this.synonyms.alternativesFor("Fahrrad")).isEmpty();
	}

	@Test
	void phrasesMatchAsConsecutiveWords() {
		assertThat(this.synonyms.alternativesFor("дитячий садок")).containsExactly("дитсадок");
		assertThat(this.synonyms.alternativesFor("садок дитячий")).isEmpty();
		assertThat(this.synonyms.alternativesFor("дитсадок")).containsExactly("дитячий садок");
	}

	@Test
	void persianTypedWithArabicLettersAndDiacriticsStillMatches() {
		// Arabic kaf (ك) and a fatha instead of Persian kaf (ک).
		assertThat(this.synonyms.alternativesFor("دكتَر")).containsExactly("داکتر");
	}

	@Test
	void wordsTheQueryHasAlreadyAreNotAddedAgain() {
		assertThat(this.synonyms.alternativesFor("flat apartment")).isEmpty();
		assertThat(this.synonyms.alternativesFor("")).isEmpty();
		assertThat(this.synonyms.alternativesFor("Kühlschrank")).isEmpty();
	}

	@Test
	void thePortalsRulesLoad() {
		Synonyms portal = new Synonyms();
		assertThat(portal.alternativesFor("Buggy")).contains("kinderwagen");
		assertThat(portal.alternativesFor("بیمارستان")).contains("شفاخانه");
	}

}
