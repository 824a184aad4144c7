package de.pinnwand.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;

/**
 * Where a page of results ended, for {@code search_after}: the sort values of its last
 * hit, as an opaque, URL-safe string. Deep pages then cost what the first page costs, and
 * the order stays stable because the sort ends with the listing id.
 */
public final class SearchCursor {

	private static final String SEPARATOR = "\u001f";

	private static final int SORT_VALUES = 3;

	private SearchCursor() {
	}

	static String encode(List<FieldValue> sortValues) {
		List<String> parts = new ArrayList<>();
		for (FieldValue value : sortValues) {
			if (value.isDouble()) {
				parts.add("d" + value.doubleValue());
			}
			else if (value.isLong()) {
				parts.add("l" + value.longValue());
			}
			else if (value.isString()) {
				parts.add("s" + value.stringValue());
			}
			else {
				return null;
			}
		}
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
	}

	/** The sort values in a cursor; null when it is not one this app made. */
	public static List<FieldValue> decode(String cursor) {
		if (cursor == null || cursor.isBlank() || cursor.length() > 500) {
			return null;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
			List<FieldValue> values = new ArrayList<>();
			for (String part : text.split(SEPARATOR, -1)) {
				if (part.isEmpty()) {
					return null;
				}
				String raw = part.substring(1);
				switch (part.charAt(0)) {
					case 'd' -> values.add(FieldValue.of(Double.parseDouble(raw)));
					case 'l' -> values.add(FieldValue.of(Long.parseLong(raw)));
					case 's' -> values.add(FieldValue.of(raw));
					default -> {
						return null;
					}
				}
			}
			// Every sort this app makes has three values and ends with the listing id.
			return (values.size() == SORT_VALUES && values.get(SORT_VALUES - 1).isString()) ? values : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
