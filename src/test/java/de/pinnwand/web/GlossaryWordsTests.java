package de.pinnwand.web;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The words that {@code docs/glossary/de.md}, {@code en.md}, {@code uk.md}, {@code ru.md}
 * and {@code tr.md} rule out stay out of their bundles: one word per concept, one form of
 * address, no abbreviation where a plural belongs.
 */
class GlossaryWordsTests {

	/**
	 * "Ви", "Вас", "Ваш…" with a capital letter inside a sentence: the address is lower
	 * case.
	 */
	private static final Pattern CAPITAL_YOU_INSIDE = Pattern
		.compile("[^.!?:=\\s]\\s+(Ви|Вас|Вам|Вами|Ваш\\p{L}*|Вы|Ваши)(?![\\p{L}’])");

	private static Map<String, String> bundle(String name) throws Exception {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(new ClassPathResource(name).getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		Map<String, String> texts = new TreeMap<>();
		properties.forEach((key, value) -> texts.put(key.toString(), value.toString()));
		return texts;
	}

	@Test
	void germanSaysTeilnehmenForActivitiesAndAvoidsHardWords() throws Exception {
		Map<String, String> german = bundle("messages.properties");
		assertThat(german.get("activity.sign-up")).isEqualTo("Teilnehmen");
		assertThat(german).allSatisfy((key, text) -> assertThat(text).as(key)
			.doesNotContain("Gesuch", "Profil", "hinterlegt", "Kennung", "Umkreis", "Zeitangabe", "Unterhaltung",
					"Portal"));
		german.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith("activity."))
			.forEach((entry) -> assertThat(entry.getValue()).as(entry.getKey())
				.doesNotContain("angemeldet", "Anmeldungen"));
	}

	@Test
	void englishSaysTakePartAndMyAccount() throws Exception {
		Map<String, String> english = bundle("messages_en.properties");
		assertThat(english).allSatisfy((key, text) -> assertThat(text.toLowerCase()).as(key)
			.doesNotContain("sign up", "sign-up", "signed up", "profile", "portal", "fulfilled"));
	}

	@Test
	void ukrainianAndRussianAddressTheReaderInLowerCaseAndWriteNoAbbreviatedCounts() throws Exception {
		for (String name : new String[] { "messages_uk.properties", "messages_ru.properties" }) {
			assertThat(bundle(name)).allSatisfy((key, text) -> {
				assertThat(CAPITAL_YOU_INSIDE.matcher(text).find()).as(key + " in " + name + ": " + text).isFalse();
				assertThat(text).as(key + " in " + name).doesNotContain(" дн.", " р. ", " г. ", "Эл.", "доп.");
			});
		}
		assertThat(bundle("messages_ru.properties")).allSatisfy(
				(key, text) -> assertThat(text).as(key).doesNotContain("аккаунт", "профил", "e-mail", "портал"));
		assertThat(bundle("messages_uk.properties"))
			.allSatisfy((key, text) -> assertThat(text).as(key).doesNotContain("профіл", "офіс", "портал"));
	}

	@Test
	void turkishKeepsReportAndNotificationApart() throws Exception {
		Map<String, String> turkish = bundle("messages_tr.properties");
		assertThat(turkish.get("search.when.any")).isNotEqualTo("her zaman");
		turkish.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith("report.") || entry.getKey().startsWith("stats.report")
					|| entry.getKey().equals("moderation.reports") || entry.getKey().equals("conversations.report"))
			.forEach((entry) -> assertThat(entry.getValue()).as(entry.getKey()).doesNotContainIgnoringCase("bildir"));
		assertThat(turkish)
			.allSatisfy((key, text) -> assertThat(text).as(key).doesNotContain("profil", "Profil", "portal"));
	}

}
