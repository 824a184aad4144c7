package de.pinnwand.texts.web;

import java.util.Map;

/**
 * Writes texts as a UTF-8 {@code .properties} file, one key a line in key order, as
 * translation tools (Weblate, Poedit, an editor) read it: only what the format needs
 * escaped, letters of every script left as they are.
 */
final class PropertiesFiles {

	private PropertiesFiles() {
	}

	static String write(String header, Map<String, String> texts) {
		StringBuilder out = new StringBuilder();
		header.lines().forEach((line) -> out.append("# ").append(line).append('\n'));
		texts
			.forEach((key, text) -> out.append(escape(key, true)).append('=').append(escape(text, false)).append('\n'));
		return out.toString();
	}

	private static String escape(String value, boolean key) {
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '=', ':', '#', '!' -> out.append(key ? "\\" + c : String.valueOf(c));
				case ' ' -> out.append((key || i == 0) ? "\\ " : " ");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
