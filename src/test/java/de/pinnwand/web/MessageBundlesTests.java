package de.pinnwand.web;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every interface language has every text, each one a valid ICU pattern with the German
 * source's arguments and plurals, in the right script and digits, and without the words
 * the glossaries in {@code docs/glossary/} rule out: a missing key would show up as a raw
 * key on a page, a flattened plural as «14 يوم».
 */
class MessageBundlesTests {

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

	private static final Pattern PLURAL = Pattern.compile("\\{(\\d+),\\s*plural,");

	/**
	 * Keys whose translation may say in one sentence what German says in two; none so
	 * far.
	 */
	private static final Set<String> SENTENCES_MAY_MERGE = Set.of();

	private static Properties load(String name) throws Exception {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(new ClassPathResource(name).getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static String bundle(String suffix) {
		return suffix.equals("de") ? "messages.properties" : "messages_" + suffix + ".properties";
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "ar", "fa", "fa_AF", "uk", "ru", "tr" })
	void hasTheSameKeysAsTheGermanBundle(String language) throws Exception {
		Properties german = load("messages.properties");
		Properties other = load(bundle(language));
		Set<String> missing = new TreeSet<>(german.stringPropertyNames());
		missing.removeAll(other.stringPropertyNames());
		Set<String> extra = new TreeSet<>(other.stringPropertyNames());
		extra.removeAll(german.stringPropertyNames());
		assertThat(missing).as("keys missing in " + language).isEmpty();
		assertThat(extra).as("keys only in " + language).isEmpty();
		other.forEach((key, value) -> assertThat(value.toString()).as(key + " in " + language).isNotBlank());
	}

	/**
	 * The legal pages' texts live in their own bundle ({@code legal*.properties}), Dari
	 * included.
	 */
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

	/**
	 * Every legal text is a valid ICU pattern with the same placeholders as the German
	 * one.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "", "_en", "_ar", "_fa", "_fa_AF", "_uk", "_ru", "_tr" })
	void hasValidLegalPatternsWithTheGermanPlaceholders(String suffix) throws Exception {
		Properties german = load("legal.properties");
		Properties other = load("legal" + suffix + ".properties");
		other.forEach((key, value) -> {
			com.ibm.icu.text.MessageFormat format = new com.ibm.icu.text.MessageFormat(value.toString(),
					com.ibm.icu.util.ULocale.ROOT);
			com.ibm.icu.text.MessageFormat source = new com.ibm.icu.text.MessageFormat(
					german.getProperty(key.toString()), com.ibm.icu.util.ULocale.ROOT);
			assertThat(format.getArgumentNames()).as(key + " in legal" + suffix)
				.containsExactlyInAnyOrderElementsOf(source.getArgumentNames());
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "de", "en", "ar", "fa", "fa-AF", "uk", "ru", "tr" })
	void hasAllInterfaceLanguagesAsBundles(String language) {
		assertThat(new ClassPathResource(bundle(language.replace('-', '_'))).exists()).isTrue();
		assertThat(InterfaceLanguages.CODES).contains(language);
	}

	@Test
	void namesEveryInterfaceLanguageByItsOwnName() throws Exception {
		Map<String, String> names = new TreeMap<>();
		for (String code : InterfaceLanguages.CODES) {
			names.put(code, load(bundle(code.replace('-', '_'))).getProperty("language.self"));
		}
		assertThat(names).containsEntry("fa", "فارسی").containsEntry("fa-AF", "دری").containsEntry("ar", "العربية");
		assertThat(Set.copyOf(names.values())).hasSize(InterfaceLanguages.CODES.size());
	}

	@ParameterizedTest
	@ValueSource(strings = { "de", "en", "ar", "fa", "fa_AF", "uk", "ru", "tr" })
	void hasOnlyValidIcuPatternsWithTheGermanArguments(String language) throws Exception {
		Properties german = load("messages.properties");
		Properties other = load(bundle(language));
		ULocale locale = ULocale.forLanguageTag(language.replace('_', '-'));
		for (String key : german.stringPropertyNames()) {
			String value = other.getProperty(key);
			new MessageFormat(value, locale);
			assertThat(arguments(ARGUMENT, value)).as(key + " in " + language + ": the same arguments as in German")
				.isEqualTo(arguments(ARGUMENT, german.getProperty(key)));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "ar", "fa", "fa_AF" })
	void countsWithRealPluralsWhereverTheGermanDoes(String language) throws Exception {
		Properties german = load("messages.properties");
		Properties other = load(bundle(language));
		for (String key : german.stringPropertyNames()) {
			Set<String> plurals = arguments(PLURAL, german.getProperty(key));
			assertThat(arguments(PLURAL, other.getProperty(key))).as(key + " in " + language + " counts with a plural")
				.containsAll(plurals);
		}
		assertThat(arguments(PLURAL, other.getProperty("conversations.unread"))).containsExactly("0");
	}

	@Test
	void writesArabicPluralsWithAllSixForms() throws Exception {
		Properties arabic = load(bundle("ar"));
		for (String key : arabic.stringPropertyNames()) {
			String value = arabic.getProperty(key);
			if (PLURAL.matcher(value).find()) {
				for (String form : new String[] { "zero", "one", "two", "few", "many", "other" }) {
					assertThat(value).as(key + " has the Arabic plural form " + form).contains(form + " {");
				}
			}
		}
		MessageFormat days = new MessageFormat(arabic.getProperty("organisation.invitation.valid"),
				new ULocale("ar").setKeywordValue("numbers", "latn"));
		assertThat(days.format(new Object[] { 14 })).contains("14 يومًا").doesNotContain("14 يوم.");
		assertThat(days.format(new Object[] { 2 })).contains("يومين");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ar", "fa", "fa_AF" })
	void writesTheRightScriptAndLatinDigits(String language) throws Exception {
		Properties other = load(bundle(language));
		// Numbers in Latin digits, as Messages formats them and as the dates are (see
		// Messages).
		// Persian and Dari write ی and ک; Arabic writes ي and ك. Mixed, words look right
		// but are not found.
		String foreign = language.equals("ar") ? "[\u06CC\u06A9]" : "[\u064A\u0643]";
		String nonLatinDigits = "[\u0660-\u0669\u06F0-\u06F9]";
		other.forEach((key, value) -> {
			assertThat(value.toString()).as(key + " in " + language + ": letters of the other script")
				.doesNotContainPattern(foreign);
			assertThat(value.toString()).as(key + " in " + language + ": Latin digits, as in the dates")
				.doesNotContainPattern(nonLatinDigits);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "fa", "fa_AF" })
	void usesCommonPersianWordsNotAcademyCoinages(String language) throws Exception {
		// docs/glossary/fa.md and fa-AF.md: words that people with little schooling do
		// not know.
		assertThat(allText(language)).doesNotContain("نمایه", "نویسه", "درگاه", "هرزنامه", "پورتال", "پروفایل");
	}

	@Test
	void speaksDariWhereItDiffersFromIranianPersian() throws Exception {
		String dari = allText("fa_AF");
		assertThat(dari).contains("مکتب", "داکتر", "بایسکل", "تیلفون", "خبرها")
			// مدرسه reads as a religious school in Afghanistan; اعلان‌ها as adverts,
			// easily taken for listings.
			.doesNotContain("مدرسه", "اعلان‌ها", "پزشک", "دوچرخه", "تلفن", "مرورگر");
		assertThat(load(bundle("fa_AF")).getProperty("layout.notifications")).isEqualTo("خبرها");
	}

	@Test
	void addressesArabicReadersWithTheFormalPluralOnly() throws Exception {
		// The polite plural أنتم/ـكم everywhere (docs/glossary/ar.md); these are the
		// singular "you" forms.
		Pattern singular = Pattern.compile("(?<![\\p{IsArabic}])(أنت|يمكنك|لك|تريد|اختر|أدخل|اكتب|اترك|اطلب|أخبرنا"
				+ "|حسابك|إعلانك|بريدك|رسالتك|ملفك|اسمك|تسجيلك|بلاغك)(?![\\p{IsArabic}])");
		load(bundle("ar")).forEach((key, value) -> assertThat(singular.matcher(value.toString()).find())
			.as(key + " in Arabic uses the singular: " + value)
			.isFalse());
	}

	@Test
	void keepsOneWordPerConceptInArabic() throws Exception {
		Properties arabic = load(bundle("ar"));
		// Kreis is المقاطعة, the site is الموقع, done is مكتمل (docs/glossary/ar.md).
		assertThat(allText("ar")).doesNotContain("البوابة", "«تم»", "الدائرة،", "كل الدوائر");
		assertThat(arabic.getProperty("facet.district")).isEqualTo(arabic.getProperty("stats.district"));
		assertThat(arabic.getProperty("status.fulfilled")).isEqualTo(arabic.getProperty("mine.fulfil"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ar", "fa", "fa_AF" })
	void keepsTheContentOfTheGermanSentences(String language) throws Exception {
		Properties other = load(bundle(language));
		// What the issue found dropped: the moderation log and "download first", being
		// taken to sign in, the
		// waiting list, and that the coordination office reviews.
		Map<String, String> kept = Map.of("account.deletion-explained", language.equals("ar") ? "سجل" : "دفتر ثبت",
				"activity.sign-in-hint", language.equals("ar") ? "تسجيل الدخول" : "ورود", "activity.form.capacity-hint",
				language.equals("ar") ? "قائمة الانتظار" : "فهرست انتظار", "mine.done.pending",
				language.equals("ar") ? "مكتب تنسيق" : "دفتر هماهنگی", "report.sent",
				language.equals("ar") ? "مكتب تنسيق" : "دفتر هماهنگی");
		kept.forEach((key, words) -> assertThat(other.getProperty(key)).as(key + " in " + language).contains(words));
		assertThat(other.getProperty("account.deletion-explained")).as("download your data first")
			.containsAnyOf("نزّلوها", "دانلود");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ar", "fa", "fa_AF" })
	void dropsNoSentenceOfTheGermanSource(String language) throws Exception {
		Properties german = load("messages.properties");
		Properties other = load(bundle(language));
		for (String key : german.stringPropertyNames()) {
			if (!SENTENCES_MAY_MERGE.contains(key)) {
				assertThat(sentences(other.getProperty(key)))
					.as(key + " in " + language + " has fewer sentences than in German: " + other.getProperty(key))
					.isGreaterThanOrEqualTo(sentences(german.getProperty(key)));
			}
		}
	}

	@Test
	void countsSentencesAsAReaderDoes() throws Exception {
		assertThat(sentences("Bitte geben Sie ein Datum an, z. B. 2026-12-03.")).isEqualTo(1);
		assertThat(sentences("Bitte planen Sie höchstens {0, plural, one {# Jahr} other {# Jahre}} im Voraus. Danke!"))
			.isEqualTo(2);
		assertThat(sentences("Eine Adresse, die mit http:// oder https:// beginnt.")).isEqualTo(1);
		assertThat(sentences("هل هناك مشكلة؟ أخبرونا لماذا.")).isEqualTo(2);
		// The Arabic text the issue found: two of the four German sentences were dropped.
		assertThat(sentences(
				"إذا حذفت حسابك، تُحذف إعلاناتك فورًا. الإعلانات التي نشرتها لمنظمة تبقى عند المنظمة بدون اسمك."))
			.isLessThan(sentences(load("messages.properties").getProperty("account.deletion-explained")));
	}

	/**
	 * The sentences of a text: ends of sentences (. ! ? ؟, and the semicolons ; ؛ — the
	 * German source splits what a translation may join with one) outside ICU arguments,
	 * without abbreviations like "z. B." and web addresses. A translation may split a
	 * sentence in two, never lose one.
	 */
	static int sentences(String text) {
		String plain = text.replaceAll("\\{[^{}]*(\\{[^{}]*}[^{}]*)*}", "X")
			.replaceAll("z\\. B\\.|e\\.g\\.|bzw\\.|https?://|\\d+\\.\\d+|…", "");
		Matcher ends = Pattern.compile("[.!?;؟؛](\\s|$)").matcher(plain);
		int count = 0;
		while (ends.find()) {
			count++;
		}
		return count;
	}

	private static String allText(String language) throws Exception {
		StringBuilder all = new StringBuilder();
		load(bundle(language)).forEach((key, value) -> all.append(value).append('\n'));
		return all.toString();
	}

	private static Set<String> arguments(Pattern pattern, String value) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = pattern.matcher(value);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

}
