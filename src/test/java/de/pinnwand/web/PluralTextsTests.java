package de.pinnwand.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts read right in the real bundles: Ukrainian and Russian need three forms for whole
 * numbers (1, 2–4, 5–20, and again by the last digit), so "1 непрочитаних" or "21
 * свободных мест" would show a flattened plural.
 */
class PluralTextsTests {

	private static final Locale UKRAINIAN = Locale.forLanguageTag("uk");

	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	private static final Locale TURKISH = Locale.forLanguageTag("tr");

	private final Messages messages = new Messages(source());

	private static ResourceBundleMessageSource source() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding(StandardCharsets.UTF_8.name());
		source.setFallbackToSystemLocale(false);
		return source;
	}

	@Test
	void ukrainianCountsUseOneFewAndMany() {
		assertThat(this.messages.get(UKRAINIAN, "conversations.unread", 1)).isEqualTo("1 непрочитане");
		assertThat(this.messages.get(UKRAINIAN, "conversations.unread", 3)).isEqualTo("3 непрочитані");
		assertThat(this.messages.get(UKRAINIAN, "conversations.unread", 11)).isEqualTo("11 непрочитаних");
		assertThat(this.messages.get(UKRAINIAN, "activity.places.free", 21)).isEqualTo("Залишилося 21 вільне місце");
		assertThat(this.messages.get(UKRAINIAN, "organisation.invitation.valid", 14)).endsWith("діє 14 днів.");
		assertThat(this.messages.get(UKRAINIAN, "error.activity.repeat-until.too-far", 2))
			.contains("на 2 роки наперед");
	}

	@Test
	void russianCountsUseOneFewAndMany() {
		assertThat(this.messages.get(RUSSIAN, "conversations.unread", 1)).isEqualTo("1 непрочитанное");
		assertThat(this.messages.get(RUSSIAN, "conversations.unread", 5)).isEqualTo("5 непрочитанных");
		assertThat(this.messages.get(RUSSIAN, "activity.places.free", 2)).isEqualTo("Осталось 2 свободных места");
		assertThat(this.messages.get(RUSSIAN, "activity.places.waiting-list", 1)).endsWith("(ждёт 1 человек)");
		assertThat(this.messages.get(RUSSIAN, "organisation.invitation.valid", 14)).endsWith("действует 14 дней.");
		assertThat(this.messages.get(RUSSIAN, "error.activity.repeat-until.too-far", 2)).contains("на 2 года вперёд");
	}

	@Test
	void germanEnglishAndTurkishCountsReadAsWords() {
		assertThat(this.messages.get(Locale.GERMAN, "conversations.unread", 1)).isEqualTo("1 ungelesen");
		assertThat(this.messages.get(Locale.ENGLISH, "activity.places.waiting-list", 1))
			.isEqualTo("All places are taken – waiting list (1 person waiting)");
		assertThat(this.messages.get(TURKISH, "organisation.invitation.valid", 14)).contains("14 gün geçerlidir");
		assertThat(this.messages.get(Locale.GERMAN, "error.activity.repeat-until.too-far", 2))
			.isEqualTo("Bitte planen Sie höchstens 2 Jahre im Voraus. Später können Sie verlängern.");
	}

}
