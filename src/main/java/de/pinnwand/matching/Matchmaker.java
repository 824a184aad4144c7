package de.pinnwand.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import de.pinnwand.listings.LanguageNeed;
import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingKind;
import de.pinnwand.listings.TimeFrame;
import de.pinnwand.listings.TopicTree;
import de.pinnwand.places.Gazetteer;
import de.pinnwand.search.ListingDocument;
import de.pinnwand.search.ListingIndex;
import de.pinnwand.system.Languages;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Finds, for a listing, the listings of the other kind that fit it. A match needs a
 * shared language, a shared topic, and a distance within what both sides said they can
 * reach; time frames that both give should meet. A request that takes any language needs
 * no shared one; a request that asks for an interpreter needs none for its topic and also
 * brings in the interpreting offers in one of its languages, whatever their topic. One
 * Elasticsearch query finds the candidates (the other kind, a shared topic and language,
 * within this listing's reach); the ranking and the reasons are computed here, where the
 * other side's reach and the time frames are at hand.
 */
@Service
public class Matchmaker {

	/**
	 * The topic of interpreting offers, which a request asking for an interpreter brings
	 * in.
	 */
	static final String INTERPRETING = "interpreting";

	/** How many matches a listing shows. */
	public static final int LIMIT = 10;

	/** Fields of the indexed listing that matching never reads. */
	private static final List<String> UNUSED_FIELDS = List.of("description", "text", "timeSlots");

	private final ElasticsearchAsyncClient client;

	private final ListingIndex index;

	private final int candidates;

	private final TopicAffinity topics;

	Matchmaker(ElasticsearchAsyncClient client, ListingIndex index, MatchingProperties properties) {
		this.client = client;
		this.index = index;
		this.candidates = properties.candidates();
		this.topics = new TopicAffinity(properties.relatedTopics());
	}

	public Mono<List<Match>> matchesFor(Listing listing) {
		SearchRequest request = candidates(listing);
		return this.index.call(() -> this.client.search(request, ListingDocument.class))
			.map((response) -> rank(listing, response.hits().hits(), this.topics));
	}

	private SearchRequest candidates(Listing listing) {
		String otherKind = (listing.kind() == ListingKind.OFFER) ? ListingKind.REQUEST.name()
				: ListingKind.OFFER.name();
		List<FieldValue> topics = withRelated(listing.topics()).stream().map(FieldValue::of).toList();
		List<FieldValue> languages = speakable(listing.languages()).stream().map(FieldValue::of).toList();
		// Broad on purpose: related sub-topics share their parent or are looked up by
		// their own code, and the
		// closer topic rule is applied in rank().
		Query sharedTopic = Query.of((q) -> q.terms((t) -> t.field("topics").terms((v) -> v.value(topics))));
		Query sharedLanguage = Query.of((q) -> q.terms((t) -> t.field("languages").terms((v) -> v.value(languages))));
		Query interpreting = Query.of((q) -> q.term((t) -> t.field("topics").value(INTERPRETING)));
		Query fits;
		if (listing.kind() == ListingKind.REQUEST && listing.languageNeed() == LanguageNeed.ANY) {
			fits = sharedTopic;
		}
		else if (listing.kind() == ListingKind.REQUEST && listing.languageNeed() == LanguageNeed.INTERPRETER) {
			fits = Query.of((q) -> q.bool((b) -> b.should(sharedTopic)
				.should((sh) -> sh.bool((i) -> i.filter(interpreting).filter(sharedLanguage)))
				.minimumShouldMatch("1")));
		}
		else if (listing.kind() == ListingKind.OFFER) {
			// Requests in its topic that share a language or take any; and, for an
			// interpreter, the requests
			// in its languages that ask for one.
			Query anyLanguage = Query.of((q) -> q.terms((t) -> t.field("languageNeed")
				.terms((v) -> v.value(List.of(FieldValue.of(LanguageNeed.ANY.name()),
						FieldValue.of(LanguageNeed.INTERPRETER.name()))))));
			Query asksForInterpreter = Query
				.of((q) -> q.term((t) -> t.field("languageNeed").value(LanguageNeed.INTERPRETER.name())));
			boolean interpreter = listing.topics().contains(INTERPRETING);
			fits = Query.of((q) -> q.bool((b) -> {
				b.should((sh) -> sh.bool((i) -> i.filter(sharedTopic)
					.should(sharedLanguage)
					.should(anyLanguage)
					.minimumShouldMatch("1")));
				if (interpreter) {
					b.should((sh) -> sh.bool((i) -> i.filter(asksForInterpreter).filter(sharedLanguage)));
				}
				return b.minimumShouldMatch("1");
			}));
		}
		else {
			fits = Query.of((q) -> q.bool((b) -> b.filter(sharedTopic).filter(sharedLanguage)));
		}
		return SearchRequest.of((s) -> s.index(this.index.alias())
			.size(this.candidates)
			// Ranking and the answer need neither the texts nor the time slots: most of
			// each document's bytes.
			.source((src) -> src.filter((f) -> f.excludes(UNUSED_FIELDS)))
			// Nobody reads how many candidates there are in all.
			.trackTotalHits((t) -> t.enabled(false))
			.query((q) -> q.bool((b) -> b.filter((f) -> f.term((t) -> t.field("kind").value(otherKind)))
				.filter(fits)
				.filter((f) -> f.range((r) -> r.date((d) -> d.field("expiresAt").gt("now"))))
				.filter((f) -> f.geoDistance((g) -> g.field("location")
					.distance(Math.max(listing.reachKm(), 1) + "km")
					.location((l) -> l.latlon((ll) -> ll.lat(listing.latitude()).lon(listing.longitude())))))
				.mustNot((m) -> m.ids((i) -> i.values(listing.id().toString())))))
			.sort((o) -> o.geoDistance((g) -> g.field("location")
				.location((l) -> l.latlon((ll) -> ll.lat(listing.latitude()).lon(listing.longitude())))
				.order(SortOrder.Asc))));
	}

	/**
	 * Dari speakers understand Persian and the other way round; the index keeps the codes
	 * apart.
	 */
	static Set<String> speakable(List<String> languages) {
		return Languages.understoodWith(languages);
	}

	private List<String> withRelated(List<String> codes) {
		Set<String> all = new LinkedHashSet<>(codes);
		for (String code : codes) {
			this.topics.relatedTo(code).forEach(all::add);
		}
		return List.copyOf(all);
	}

	static List<Match> rank(Listing listing, List<Hit<ListingDocument>> hits, TopicAffinity topics) {
		TimeFrame own = TimeFrame.parse(listing.timeFrame());
		Set<String> ownLanguages = speakable(listing.languages());
		List<Match> matches = new ArrayList<>();
		for (Hit<ListingDocument> hit : hits) {
			ListingDocument other = hit.source();
			if (other == null) {
				continue;
			}
			double distance = Gazetteer.distanceKm(listing.latitude(), listing.longitude(), other.location().lat(),
					other.location().lon());
			// Both sides must accept the way: the other side's reach counts as much as
			// this one's.
			if (distance > Math.max(other.reachKm(), 1) || distance > Math.max(listing.reachKm(), 1)) {
				continue;
			}
			List<MatchReason> reasons = new ArrayList<>();
			List<String> sharedLanguages = other.languages().stream().filter(ownLanguages::contains).toList();
			sharedLanguages.forEach((language) -> reasons.add(MatchReason.of("language", language)));
			String request = (listing.kind() == ListingKind.REQUEST) ? listing.languageNeed().name()
					: other.languageNeed();
			boolean interpreterOffer = (listing.kind() == ListingKind.REQUEST ? other.topics() : listing.topics())
				.contains(INTERPRETING);
			boolean interprets = LanguageNeed.INTERPRETER.name().equals(request) && interpreterOffer
					&& !sharedLanguages.isEmpty();
			// An interpreter fits whatever the request is about; everything else must be
			// about the same thing.
			if (!interprets && !topics.fits(listing.topics(), other.topics())) {
				continue;
			}
			if (interprets) {
				reasons.add(0, MatchReason.of("interpreter", sharedLanguages.get(0)));
			}
			else if (sharedLanguages.isEmpty() && LanguageNeed.ANY.name().equals(request)) {
				reasons.add(0, MatchReason.of("any-language"));
			}
			else if (sharedLanguages.isEmpty() && LanguageNeed.INTERPRETER.name().equals(request)) {
				reasons.add(0, MatchReason.of("needs-interpreter"));
			}
			sharedTopics(listing.topics(), other.topics())
				.forEach((topic) -> reasons.add(MatchReason.of("topic", topic)));
			other.topics()
				.stream()
				.filter((their) -> listing.topics().stream().anyMatch((mine) -> topics.isRelated(mine, their)))
				.forEach((their) -> reasons.add(MatchReason.of("topic", their)));
			reasons.add(MatchReason.of("distance", Math.round(distance * 10) / 10.0));
			double timeFit = timeFit(own, TimeFrame.parse(other.timeFrame()));
			if (timeFit >= 1.0) {
				reasons.add(MatchReason.of("time", other.timeFrame()));
			}
			double topicShare = topicFit(listing.topics(), other.topics());
			double nearness = 1 - distance / Math.max(1, Math.min(other.reachKm(), listing.reachKm()));
			double score = 0.45 * topicShare + 0.35 * Math.max(0, nearness) + 0.2 * timeFit;
			matches.add(new Match(other, Math.round(score * 1000) / 1000.0, distance, reasons));
		}
		matches.sort(Comparator.comparingDouble(Match::score).reversed().thenComparingDouble(Match::distanceKm));
		return matches.subList(0, Math.min(LIMIT, matches.size()));
	}

	/**
	 * The topics both carry, as reasons: a shared sub-topic says more than its parent, so
	 * the parent is left out when a sub-topic of it is shared.
	 */
	static List<String> sharedTopics(List<String> own, List<String> other) {
		List<String> shared = own.stream().filter(other::contains).toList();
		return shared.stream()
			.filter((code) -> TopicTree.isSubtopic(code)
					|| shared.stream().noneMatch((s) -> TopicTree.isSubtopic(s) && TopicTree.parentOf(s).equals(code)))
			.toList();
	}

	/**
	 * How well the other side's topics cover this side's, 0 to 1. Each of this side's
	 * topics counts alike: fully when the other side has it and either this side named
	 * none of its sub-topics or both share one; ¾ when only this side named sub-topics of
	 * it; ½ when both named different ones.
	 */
	static double topicFit(List<String> own, List<String> other) {
		List<String> parents = own.stream().map(TopicTree::parentOf).distinct().toList();
		double fit = 0;
		for (String parent : parents) {
			if (other.stream().map(TopicTree::parentOf).noneMatch(parent::equals)) {
				continue;
			}
			List<String> ownSubtopics = subtopicsUnder(parent, own);
			List<String> otherSubtopics = subtopicsUnder(parent, other);
			if (ownSubtopics.isEmpty() || ownSubtopics.stream().anyMatch(otherSubtopics::contains)) {
				fit += 1;
			}
			else {
				fit += otherSubtopics.isEmpty() ? 0.75 : 0.5;
			}
		}
		return fit / Math.max(1, parents.size());
	}

	private static List<String> subtopicsUnder(String parent, List<String> codes) {
		return codes.stream()
			.filter((code) -> TopicTree.isSubtopic(code) && TopicTree.parentOf(code).equals(parent))
			.toList();
	}

	/**
	 * 1 when both time frames meet, 0 when both are given and cannot meet, ½ when one
	 * side gave none or is flexible (nothing speaks against it).
	 */
	static double timeFit(TimeFrame a, TimeFrame b) {
		if (a == null || b == null || a.type() == TimeFrame.Type.FLEXIBLE || b.type() == TimeFrame.Type.FLEXIBLE) {
			return 0.5;
		}
		return meet(a, b) ? 1.0 : 0.0;
	}

	private static boolean meet(TimeFrame a, TimeFrame b) {
		if (a.type() == TimeFrame.Type.DATE && b.type() == TimeFrame.Type.DATE) {
			return a.date().equals(b.date());
		}
		if (a.type() == TimeFrame.Type.DATE) {
			return a.date().getDayOfWeek() == b.weekday();
		}
		if (b.type() == TimeFrame.Type.DATE) {
			return b.date().getDayOfWeek() == a.weekday();
		}
		if (a.weekday() != b.weekday()) {
			return false;
		}
		if (a.from() == null || b.from() == null) {
			return true;
		}
		return a.from().isBefore(b.to()) && b.from().isBefore(a.to());
	}

}
