package de.pinnwand.system.web;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every interface language has every text: a missing key would show up as a raw key on a page. */
class MessageBundlesTests {

	private static Properties load(String name) throws Exception {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "ar", "fa", "uk", "ru", "tr" })
	void hasTheSameKeysAsTheGermanBundle(String language) throws Exception {
		Properties german = load("messages.properties");
		Properties other = load("messages_" + language + ".properties");
		Set<String> missing = new TreeSet<>(german.stringPropertyNames());
		missing.removeAll(other.stringPropertyNames());
		Set<String> extra = new TreeSet<>(other.stringPropertyNames());
		extra.removeAll(german.stringPropertyNames());
		assertThat(missing).as("keys missing in " + language).isEmpty();
		assertThat(extra).as("keys only in " + language).isEmpty();
		other.forEach((key, value) -> assertThat(value.toString()).as(key + " in " + language).isNotBlank());
	}

	/** The legal pages' texts live in their own bundle ({@code legal*.properties}), Dari included. */
	@ParameterizedTest
	@ValueSource(strings = { "en", "ar", "fa", "fa_AF", "uk", "ru", "tr" })
	void hasTheSameLegalTextsAsTheGermanLegalBundle(String language) throws Exception {
		Properties german = load("legal.properties");
		Properties other = load("legal_" + language + ".properties");
		Set<String> missing = new TreeSet<>(german.stringPropertyNames());
		missing.removeAll(other.stringPropertyNames());
		Set<String> extra = new TreeSet<>(other.stringPropertyNames());
		extra.removeAll(german.stringPropertyNames());
		assertThat(missing).as("legal keys missing in " + language).isEmpty();
		assertThat(extra).as("legal keys only in " + language).isEmpty();
		other.forEach((key, value) -> assertThat(value.toString()).as(key + " in " + language).isNotBlank());
	}

	/** Every legal text is a valid ICU pattern with the same placeholders as the German one. */
	@ParameterizedTest
	@ValueSource(strings = { "", "_en", "_ar", "_fa", "_fa_AF", "_uk", "_ru", "_tr" })
	void hasValidLegalPatternsWithTheGermanPlaceholders(String suffix) throws Exception {
		Properties german = load("legal.properties");
		Properties other = load("legal" + suffix + ".properties");
		other.forEach((key, value) -> {
			com.ibm.icu.text.MessageFormat format = new com.ibm.icu.text.MessageFormat(value.toString(),
					com.ibm.icu.util.ULocale.ROOT);
			com.ibm.icu.text.MessageFormat source = new com.ibm.icu.text.MessageFormat(german.getProperty(key.toString()),
					com.ibm.icu.util.ULocale.ROOT);
			assertThat(format.getArgumentNames()).as(key + " in legal" + suffix)
				.containsExactlyInAnyOrderElementsOf(source.getArgumentNames());
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "de", "en", "ar", "fa", "uk", "ru", "tr" })
	void hasAllInterfaceLanguagesAsBundles(String language) {
		String name = language.equals("de") ? "messages.properties" : "messages_" + language + ".properties";
		assertThat(new ClassPathResource(name).exists()).isTrue();
		assertThat(InterfaceLanguages.CODES).contains(language);
	}

}
