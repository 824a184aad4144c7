package de.pinnwand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON bodies of listings for tests; each call can override fields. */
public final class TestListings {

	private TestListings() {
	}

	/** A valid offer in German near Ludwigsburg (71634). */
	public static Map<String, Object> offer(String title) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "OFFER");
		body.put("title", title);
		body.put("description", "Eine Beschreibung, lang genug für die Regeln.");
		body.put("topics", List.of("mobility"));
		body.put("languages", List.of("de", "ar"));
		body.put("textLanguage", "de");
		body.put("place", "71634");
		return body;
	}

	/**
	 * Waits until the search index exists: on a fresh data folder it is built right after
	 * start-up.
	 */
	public static void awaitSearchReady(de.pinnwand.search.ListingIndex index) {
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
		while (!index.isReady()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("The search index did not become ready within 60 s");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
		Map<String, Object> copy = new LinkedHashMap<>(body);
		copy.put(field, value);
		return copy;
	}

}
