package de.pinnwand.listings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import de.pinnwand.places.Gazetteer;
import de.pinnwand.places.Place;
import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.Languages;
import org.springframework.stereotype.Component;

/**
 * Checks a draft completely and says everything that is wrong at once, so a form needs
 * one round trip.
 */
@Component
class ListingRules {

	static final int TITLE_MIN = 3;

	static final int TITLE_MAX = 120;

	static final int DESCRIPTION_MIN = 10;

	static final int DESCRIPTION_MAX = 4000;

	/**
	 * How many parent topics a listing may have; sub-topics are bounded by the taxonomy.
	 */
	static final int TOPICS_MAX = 5;

	/** Plain text only: a tag is refused with a message rather than silently changed. */
	private static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[a-zA-Z!?][^>]*>");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

	private final ListingsProperties properties;

	private final TopicTree topicTree;

	private final Gazetteer gazetteer;

	ListingRules(ListingsProperties properties, TopicTree topicTree, Gazetteer gazetteer) {
		this.properties = properties;
		this.topicTree = topicTree;
		this.gazetteer = gazetteer;
	}

	/** A draft that passed every rule, normalised. */
	record Checked(ListingKind kind, String title, String description, List<String> topics, List<String> languages,
			String textLanguage, Place place, int reachKm, TimeFrame timeFrame, Integer capacity,
			LanguageNeed languageNeed) {
	}

	static final int CAPACITY_MAX = 500;

	Checked check(ListingDraft draft, LocalDate today) {
		List<FieldProblem> problems = new ArrayList<>();
		ListingKind kind = kind(draft.kind(), problems);
		String title = text("title", draft.title(), TITLE_MIN, TITLE_MAX, problems);
		String description = text("description", draft.description(), DESCRIPTION_MIN, DESCRIPTION_MAX, problems);
		List<String> topics = distinct(draft.topics());
		if (topics.isEmpty()) {
			problems.add(new FieldProblem("topics", "topics.missing"));
		}
		else if (topics.stream().map(TopicTree::parentOf).distinct().count() > TOPICS_MAX) {
			problems.add(new FieldProblem("topics", "topics.too-many", TOPICS_MAX));
		}
		else if (!topics.stream().allMatch(this.topicTree::isKnown)) {
			problems.add(new FieldProblem("topics", "topics.unknown"));
		}
		else {
			// A sub-topic is filed under its parent as well, so a search for the parent
			// finds it.
			topics = TopicTree.withParents(topics);
		}
		List<String> languages = distinct(draft.languages());
		if (languages.isEmpty()) {
			problems.add(new FieldProblem("languages", "languages.missing"));
		}
		else if (!languages.stream().allMatch(Languages::isKnown)) {
			problems.add(new FieldProblem("languages", "languages.unknown"));
		}
		String textLanguage = blankToNull(draft.textLanguage());
		if (textLanguage == null && !languages.isEmpty()) {
			textLanguage = languages.get(0);
		}
		if (textLanguage == null || !Languages.isKnown(textLanguage)) {
			problems.add(new FieldProblem("textLanguage", "textLanguage.unknown"));
		}
		Place place = null;
		String placeInput = blankToNull(draft.place());
		if (placeInput == null) {
			problems.add(new FieldProblem("place", "place.missing"));
		}
		else {
			Optional<Place> found = this.gazetteer.resolve(placeInput);
			if (found.isEmpty()) {
				problems.add(new FieldProblem("place", "place.unknown"));
			}
			else {
				place = found.get();
			}
		}
		int reachKm = (draft.reachKm() != null) ? draft.reachKm() : this.properties.defaultReachKm();
		if (reachKm < 0 || reachKm > this.properties.maxReachKm()) {
			problems.add(new FieldProblem("reachKm", "reachKm.range", 0, this.properties.maxReachKm()));
		}
		TimeFrame.Result timeFrame = TimeFrame.of(draft.timeFrameType(), draft.timeFrameDate(),
				draft.timeFrameWeekday(), draft.timeFrameFrom(), draft.timeFrameTo(), today);
		if (timeFrame.problem() != null) {
			problems.add(timeFrame.problem());
		}
		if (draft.capacity() != null && (draft.capacity() < 1 || draft.capacity() > CAPACITY_MAX)) {
			problems.add(new FieldProblem("capacity", "capacity.range", 1, CAPACITY_MAX));
		}
		LanguageNeed languageNeed = languageNeed(draft.languageNeed(), kind, problems);
		if (!problems.isEmpty()) {
			throw new InvalidListing(problems);
		}
		return new Checked(kind, title, description, topics, languages, textLanguage, place, reachKm,
				timeFrame.timeFrame(), draft.capacity(), languageNeed);
	}

	/**
	 * Only a request can take any language or ask for an interpreter; an offer's poster
	 * says what they speak.
	 */
	private static LanguageNeed languageNeed(String value, ListingKind kind, List<FieldProblem> problems) {
		String given = blankToNull(value);
		if (given == null) {
			return LanguageNeed.SHARED;
		}
		try {
			LanguageNeed need = LanguageNeed.valueOf(given.toUpperCase(Locale.ROOT));
			if (need != LanguageNeed.SHARED && kind == ListingKind.OFFER) {
				problems.add(new FieldProblem("languageNeed", "languageNeed.offer"));
			}
			return need;
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("languageNeed", "languageNeed.unknown"));
			return LanguageNeed.SHARED;
		}
	}

	private static ListingKind kind(String value, List<FieldProblem> problems) {
		if (value != null) {
			try {
				return ListingKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				// reported below
			}
		}
		problems.add(new FieldProblem("kind", "kind.unknown"));
		return null;
	}

	private static String text(String field, String value, int min, int max, List<FieldProblem> problems) {
		String text = (value == null) ? "" : CONTROL.matcher(value.replace("\r\n", "\n")).replaceAll("").strip();
		if (text.isEmpty()) {
			problems.add(new FieldProblem(field, field + ".missing"));
		}
		else if (text.codePointCount(0, text.length()) < min) {
			problems.add(new FieldProblem(field, "text.too-short", min));
		}
		else if (text.codePointCount(0, text.length()) > max) {
			problems.add(new FieldProblem(field, "text.too-long", max));
		}
		else if (MARKUP.matcher(text).find()) {
			problems.add(new FieldProblem(field, "text.markup"));
		}
		return text;
	}

	private static List<String> distinct(List<String> values) {
		if (values == null) {
			return List.of();
		}
		LinkedHashSet<String> set = new LinkedHashSet<>();
		for (String value : values) {
			String trimmed = blankToNull(value);
			if (trimmed != null) {
				set.add(trimmed);
			}
		}
		return List.copyOf(set);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
