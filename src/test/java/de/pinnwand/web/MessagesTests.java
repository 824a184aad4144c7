package de.pinnwand.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Formats are compiled once per thread and language; each use must still format with its
 * own arguments.
 */
class MessagesTests {

	private static final Locale ARABIC = Locale.forLanguageTag("ar");

	private final Messages messages = new Messages(source());

	private static StaticMessageSource source() {
		StaticMessageSource source = new StaticMessageSource();
		source.addMessage("people", Locale.GERMAN, "{0, plural, one {# Person} other {# Personen}}");
		source.addMessage("people", Locale.ENGLISH, "{0, plural, one {# person} other {# people}}");
		source.addMessage("people", ARABIC,
				"{0, plural, zero {لا أحد} one {شخص واحد} two {شخصان} few {# أشخاص} many {# شخصًا} other {# شخص}}");
		return source;
	}

	@Test
	void writesNumbersOutsideMessagesInLatinDigitsInEveryLanguage() {
		// java.text.NumberFormat would write ١٬٢٣٤ in Arabic and ۱٬۲۳۴ in Persian, beside
		// dates in Latin digits.
		for (String language : List.of("ar", "fa", "fa-AF")) {
			String written = this.messages.number(Locale.forLanguageTag(language), 1234.5, 1);
			assertThat(written).as(language)
				.doesNotContainPattern("[\u0660-\u0669\u06F0-\u06F9]")
				.contains("1")
				.contains("234")
				.contains("5");
		}
		assertThat(this.messages.number(Locale.GERMAN, 1234.5, 1)).isEqualTo("1.234,5");
		assertThat(this.messages.number(ARABIC, 7, 0)).isEqualTo("7");
	}

	@Test
	void formatsEachUseWithItsOwnArgumentsAndLanguage() {
		assertThat(this.messages.get(Locale.GERMAN, "people", 1)).isEqualTo("1 Person");
		assertThat(this.messages.get(Locale.ENGLISH, "people", 3)).isEqualTo("3 people");
		assertThat(this.messages.get(Locale.GERMAN, "people", 1200)).isEqualTo("1.200 Personen");
		assertThat(this.messages.get(Locale.ENGLISH, "people", 1)).isEqualTo("1 person");
		assertThat(this.messages.get(ARABIC, "people", 2)).isEqualTo("شخصان");
		assertThat(this.messages.get(ARABIC, "people", 3)).isEqualTo("3 أشخاص");
	}

	@Test
	void writesCountsInTheSameLatinDigitsAsTheDatesOnThePage() {
		Locale dari = Locale.forLanguageTag("fa-AF");
		StaticMessageSource source = new StaticMessageSource();
		source.addMessage("days", dari, "{0, plural, one {# روز} other {# روز}}");
		source.addMessage("days", ARABIC,
				"{0, plural, zero {# يوم} one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}}");
		Messages latin = new Messages(source);
		assertThat(latin.get(dari, "days", 14)).isEqualTo("14 روز");
		assertThat(latin.get(ARABIC, "days", 14)).isEqualTo("14 يومًا");
		assertThat(latin.get(ARABIC, "days", 1200)).isEqualTo("1,200 يوم");
		String date = LocalDate.of(2026, 12, 14)
			.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(dari));
		assertThat(date).as("the dates on the pages").contains("14").contains("2026");
	}

	@Test
	void formatsCorrectlyFromManyThreadsAtOnce() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Boolean>> tasks = new ArrayList<>();
			for (int task = 0; task < 64; task++) {
				int n = task + 2;
				tasks.add(() -> {
					for (int i = 0; i < 200; i++) {
						if (!this.messages.get(Locale.ENGLISH, "people", n + i).equals((n + i) + " people")) {
							return false;
						}
					}
					return true;
				});
			}
			for (Future<Boolean> result : threads.invokeAll(tasks)) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

}
