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

	@ParameterizedTest
	@ValueSource(strings = { "de", "en", "ar", "fa", "uk", "ru", "tr" })
	void hasAllInterfaceLanguagesAsBundles(String language) {
		String name = language.equals("de") ? "messages.properties" : "messages_" + language + ".properties";
		assertThat(new ClassPathResource(name).exists()).isTrue();
		assertThat(InterfaceLanguages.CODES).contains(language);
	}

}
