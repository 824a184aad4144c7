package de.pinnwand.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generators of hostile input, all driven by one seeded {@link Random} so that a run can
 * be repeated exactly: texts that once broke the portal or are known to break others,
 * values of the wrong JSON type, broken encodings.
 */
final class HostileValues {

	/** Markers of markup that must never come back unescaped in a page. */
	static final String SCRIPT = "<script>pnwfuzz(1)</script>";

	static final String IMAGE = "\"><img src=x onerror=pnwfuzz(2)>";

	private static final List<String> TEXTS = List.of("", " ", "\u0000", "t\u0000", "\u0001\u0008\u001b",
			"\u007f\u0085\u009f", "\uFFFF", "\uFFFE", "Titel\uFDD0", "\uD800", "x\uDFFFy", "\uD83F\uDFFF",
			"\u202Egnirts\u202C", "\u2066isolate\u2069", SCRIPT, IMAGE, "' OR '1'='1' --", "1; DROP TABLE listings; --",
			"${7*7}", "{{7*7}}", "{{> layout/header}}", "../../../../etc/passwd", "%00", "%%%%", "%E0%A4",
			"a\r\nSet-Cookie: pnw=1", "\t\n\r", "مرحبا بالعالم", "Привіт", "👩‍👩‍👧‍👦", "ẞ\u0301\u0301\u0301", "null",
			"true", "-1", "0", "1e309", "NaN", "99999999999999999999999", "2026-02-30", "25:61",
			"00000000-0000-0000-0000-000000000000", "not-a-uuid", "OFFER", "REQUEST", "71634", "de", "x@example.org",
			"javascript:alert(1)", "<a href=\"javascript:pnwfuzz(3)\">x</a>", "\\u0000", "\\\"", "a".repeat(300),
			"Ä".repeat(5000));

	private final Random random;

	HostileValues(Random random) {
		this.random = random;
	}

	int below(int bound) {
		return this.random.nextInt(bound);
	}

	boolean chance(int percent) {
		return this.random.nextInt(100) < percent;
	}

	<T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	/** A hostile text; now and then a huge one. */
	String text() {
		if (below(500) == 0) {
			return "x".repeat(70_000);
		}
		if (chance(20)) {
			return pick(TEXTS) + pick(TEXTS);
		}
		return pick(TEXTS);
	}

	/** A JSON value of any type, as JSON text. */
	String jsonValue() {
		return switch (below(12)) {
			case 0 -> "1";
			case 1 -> "true";
			case 2 -> "null";
			case 3 -> "[" + json(text()) + "]";
			case 4 -> "{\"postcode\":" + json(text()) + "}";
			case 5 -> "-9223372036854775809";
			case 6 -> "1.5e400";
			case 7 -> "[".repeat(1200) + "]".repeat(1200);
			case 8 -> "{}";
			default -> json(text());
		};
	}

	/**
	 * The text as a JSON string; lone surrogates and control characters escaped as JSON
	 * allows.
	 */
	static String json(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || Character.isSurrogate(c) || c >= 0xFFFE) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

	/**
	 * The text percent-encoded as a form body carries it, sometimes with a broken escape
	 * at the end.
	 */
	String brokenlyEncoded(String text) {
		return encoded(text) + (chance(10) ? pick(List.of("%", "%z", "%zz", "%E0%A4", "%C3%28", "%ED%A0%80")) : "");
	}

	/**
	 * The text percent-encoded as a query or form carries it (well formed, whatever it
	 * holds).
	 */
	String encoded(String text) {
		StringBuilder out = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
				out.append((char) c);
			}
			else {
				out.append('%').append(String.format("%02X", c));
			}
		}
		if (chance(10)) {
			out.append(pick(List.of("%EF%BF%BF", "%00", "%E2%80%AE", "%C3%28")));
		}
		return out.toString();
	}

	/** A body that is no JSON object at all, or no JSON, or not UTF-8. */
	byte[] brokenBody() {
		return switch (below(8)) {
			case 0 -> new byte[0];
			case 1 -> "{".getBytes(StandardCharsets.UTF_8);
			case 2 -> "{\"title\":}".getBytes(StandardCharsets.UTF_8);
			case 3 -> new byte[] { '{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
			case 4 -> "[1,2,3]".getBytes(StandardCharsets.UTF_8);
			case 5 -> "nul".getBytes(StandardCharsets.UTF_8);
			case 6 -> ("{\"a\":\"" + "x".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
			default -> "%%%%&&&===&_csrf=".getBytes(StandardCharsets.UTF_8);
		};
	}

}
