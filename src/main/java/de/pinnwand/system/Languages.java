package de.pinnwand.system;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.ibm.icu.util.ULocale;

/**
 * The languages a listing can name (ISO 639 codes), each shown by its own name so that a
 * speaker finds it whatever the interface language is.
 */
public final class Languages {

	private static final String PERSIAN = "fa";

	private static final String DARI = "prs";

	private static final Map<String, String> ENDONYMS = new LinkedHashMap<>();

	static {
		ENDONYMS.put("de", "Deutsch");
		ENDONYMS.put("en", "English");
		ENDONYMS.put("ar", "العربية");
		ENDONYMS.put("fa", "فارسی");
		ENDONYMS.put("prs", "دری");
		ENDONYMS.put("ps", "پښتو");
		ENDONYMS.put("kmr", "Kurmancî");
		ENDONYMS.put("ckb", "کوردیی ناوەندی");
		ENDONYMS.put("ti", "ትግርኛ");
		ENDONYMS.put("so", "Soomaali");
		ENDONYMS.put("uk", "Українська");
		ENDONYMS.put("ru", "Русский");
		ENDONYMS.put("tr", "Türkçe");
		ENDONYMS.put("fr", "Français");
		ENDONYMS.put("sq", "Shqip");
		ENDONYMS.put("ro", "Română");
		ENDONYMS.put("pl", "Polski");
	}

	private Languages() {
	}

	/** The codes in the order forms show them. */
	public static Set<String> codes() {
		return ENDONYMS.keySet();
	}

	public static boolean isKnown(String code) {
		return code != null && ENDONYMS.containsKey(code);
	}

	/**
	 * The language's name in the reader's language (ICU's CLDR data), e.g. "Tigrinya" for
	 * ti to a German reader, for pages read by people who may not read its script; the
	 * code itself where ICU has no name for it.
	 */
	public static String nameIn(String code, Locale reader) {
		if (code == null || code.isBlank()) {
			return "";
		}
		String name = ULocale.forLanguageTag(code).getDisplayLanguage(ULocale.forLocale(reader));
		return (name == null || name.isBlank() || name.equals(code)) ? code : name;
	}

	/**
	 * The languages a speaker of these understands: Dari ({@code prs}) and Persian
	 * ({@code fa}) are one written language to their readers, so each brings the other;
	 * the codes themselves stay apart (a poster names theirs).
	 */
	public static Set<String> understoodWith(Collection<String> codes) {
		Set<String> understood = new LinkedHashSet<>(codes);
		if (understood.contains(PERSIAN)) {
			understood.add(DARI);
		}
		if (understood.contains(DARI)) {
			understood.add(PERSIAN);
		}
		return understood;
	}

	/**
	 * The language whose text analysis a text in this one shares: Dari is written as
	 * Persian.
	 */
	public static String writtenAs(String code) {
		return DARI.equals(code) ? PERSIAN : code;
	}

	/** The language's name in itself, e.g. "العربية" for ar. */
	public static String endonym(String code) {
		return ENDONYMS.getOrDefault(code, code);
	}

}
