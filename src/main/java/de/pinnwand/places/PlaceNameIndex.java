package de.pinnwand.places;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Place names for prefix search and for resolving a typed name: one entry per name and
 * district, findable by the start of the name or of any word in it. Immutable once built.
 */
final class PlaceNameIndex {

	/** Shorter prefixes match too much to be useful suggestions. */
	static final int MIN_PREFIX_LENGTH = 2;

	private final Map<String, List<Group>> groupsByFoldedName;

	private final IndexEntry[] entries;

	private final List<String> homeMunicipalities;

	/**
	 * @param byGroup the places by {@link PlaceNames#groupKey name and district}
	 * @param home whether a place lies in the home area
	 */
	PlaceNameIndex(Map<String, List<Place>> byGroup, Predicate<Place> home) {
		Map<String, List<Group>> groupsByFoldedName = new HashMap<>();
		List<IndexEntry> index = new ArrayList<>();
		Set<String> municipalities = new TreeSet<>(PlaceNames.germanOrder());
		for (List<Place> members : byGroup.values()) {
			Place representative = Gazetteer.nearestToMean(members).get(0);
			boolean locality = isLocality(representative, byGroup);
			boolean atHome = home.test(representative);
			Group group = new Group(representative, PlaceNames.fold(representative.name()), members.size(), locality,
					atHome);
			groupsByFoldedName.computeIfAbsent(group.folded(), (key) -> new ArrayList<>()).add(group);
			index.add(new IndexEntry(group.folded(), group, true));
			for (int i = group.folded().indexOf(' '); i >= 0; i = group.folded().indexOf(' ', i + 1)) {
				index.add(new IndexEntry(group.folded().substring(i + 1), group, false));
			}
			if (atHome && !locality) {
				municipalities.add(representative.name());
			}
		}
		groupsByFoldedName.replaceAll((name, groups) -> List.copyOf(groups));
		this.groupsByFoldedName = Map.copyOf(groupsByFoldedName);
		index.sort(Comparator.comparing(IndexEntry::key));
		this.entries = index.toArray(IndexEntry[]::new);
		this.homeMunicipalities = List.copyOf(municipalities);
	}

	/** The home area's municipalities (no localities), in German alphabetical order. */
	List<String> homeMunicipalities() {
		return this.homeMunicipalities;
	}

	/**
	 * The places whose name or a word in it starts with the folded key, ranked as
	 * {@link Gazetteer#suggest} describes.
	 */
	List<Place> suggest(String key, int max) {
		Map<Group, Boolean> matches = new LinkedHashMap<>();
		for (int i = lowerBound(key); i < this.entries.length && this.entries[i].key().startsWith(key); i++) {
			IndexEntry entry = this.entries[i];
			matches.merge(entry.group(), entry.atStart(), Boolean::logicalOr);
		}
		Comparator<Map.Entry<Group, Boolean>> ranking = Comparator
			.comparing((Map.Entry<Group, Boolean> match) -> !match.getKey().home())
			.thenComparing((match) -> !match.getKey().folded().equals(key))
			.thenComparing((match) -> !match.getValue())
			.thenComparing((match) -> match.getKey().locality())
			.thenComparing(
					Comparator.comparingInt((Map.Entry<Group, Boolean> match) -> match.getKey().postcodes()).reversed())
			.thenComparingInt((match) -> match.getKey().folded().length())
			.thenComparing((match) -> match.getKey().folded())
			.thenComparing((match) -> match.getKey().representative().district());
		return matches.entrySet()
			.stream()
			.sorted(ranking)
			.limit(max)
			.map((match) -> match.getKey().representative())
			.toList();
	}

	/**
	 * The place a whole name stands for: the home area first, then the exact spelling,
	 * then the town with most postcodes; else a locality listed only under its
	 * municipality.
	 * @param folded the typed name folded
	 * @param exact the typed name in lower case
	 */
	Optional<Place> named(String folded, String exact) {
		Optional<Place> named = this.groupsByFoldedName.getOrDefault(folded, List.of())
			.stream()
			.min(Comparator.comparing((Group group) -> !group.home())
				.thenComparing((group) -> !PlaceNames.lowerCase(group.representative().name()).equals(exact))
				.thenComparing(Comparator.comparingInt(Group::postcodes).reversed())
				.thenComparing((group) -> group.representative().district()))
			.map(Group::representative);
		return named.isPresent() ? named : locality(folded);
	}

	/**
	 * The place a locality name stands for when it is listed only under its municipality
	 * ("Bad Cannstatt" for "Stuttgart Bad Cannstatt"), if exactly one place is meant;
	 * "Mitte" is not enough.
	 */
	private Optional<Place> locality(String folded) {
		if (folded.length() < MIN_PREFIX_LENGTH) {
			return Optional.empty();
		}
		Set<Group> matches = new HashSet<>();
		for (int i = lowerBound(folded); i < this.entries.length && this.entries[i].key().equals(folded); i++) {
			if (!this.entries[i].atStart()) {
				matches.add(this.entries[i].group());
			}
		}
		return (matches.size() == 1) ? Optional.of(matches.iterator().next().representative()) : Optional.empty();
	}

	private int lowerBound(String key) {
		int low = 0;
		int high = this.entries.length;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (this.entries[middle].key().compareTo(key) < 0) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	/**
	 * GeoNames lists localities as "Municipality Locality"; a place is one when its
	 * municipality is listed too.
	 */
	private static boolean isLocality(Place place, Map<String, List<Place>> byGroup) {
		String name = place.name();
		for (int i = name.indexOf(' '); i > 0; i = name.indexOf(' ', i + 1)) {
			if (byGroup.containsKey(PlaceNames.groupKey(name.substring(0, i), place.district()))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The places sharing a name in one district, as a single suggestion.
	 *
	 * @param representative the member with the most central centroid
	 * @param folded the name folded for matching
	 * @param postcodes how many postcodes the place has, a hint at its size
	 * @param locality whether the place is a locality of a municipality listed as well
	 * @param home whether the place lies in the home area
	 */
	private record Group(Place representative, String folded, int postcodes, boolean locality, boolean home) {
	}

	/**
	 * A key for prefix search: a group's folded name, or its tail from the start of an
	 * inner word.
	 *
	 * @param atStart whether the key is the whole name rather than a tail
	 */
	private record IndexEntry(String key, Group group, boolean atStart) {
	}

}
