package de.pinnwand.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestListings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How well search ranks the demo corpus ({@code demo/listings.json}, 80 listings in five
 * languages) for the judged queries in {@code relevance/queries.json}; see
 * {@code docs/search-relevance.md}.
 *
 * <p>
 * Since 2026-12-07 also graded: {@code relevant} listings have grade 2, {@code partly}
 * relevant ones grade 1, and nDCG@10 and recall@10 are reported per language and for
 * same- and cross-language queries ({@link GradedReport}).
 *
 * <p>
 * Measured on 2026-11-23 with 95 queries: mean P@5 0.953 and mean recall 0.953 (de 0.981,
 * en 0.941, ar 0.941, fa 0.941, uk 0.944, both metrics), 2 irrelevant listings found. The
 * thresholds sit a little below, so a change that costs about two queries fails here; a
 * change that makes ranking better should raise them.
 */
@PinnwandTest
class SearchRelevanceTests {

	static final double MIN_MEAN_PRECISION_AT_5 = 0.97;

	static final double MIN_MEAN_RECALL = 0.97;

	static final int MAX_VIOLATIONS = 3;

	/**
	 * Means over the graded set (every query): nDCG@10 and recall@10, all and across
	 * languages. Measured on 2026-12-07: 0.944 and 0.978, across languages 0.924 and
	 * 0.962 with other search tests in the same JVM; 0.940, 0.978, 0.911 and 0.962 alone
	 * (the other tests' listings change the words' weights). Main without the concepts:
	 * 0.482 and 0.479, across languages 0.076 and 0.060. The thresholds sit just below
	 * the lower of the two runs.
	 */
	static final double MIN_MEAN_NDCG_AT_10 = 0.93;

	static final double MIN_MEAN_RECALL_AT_10 = 0.97;

	static final double MIN_CROSS_LANGUAGE_NDCG_AT_10 = 0.90;

	static final double MIN_CROSS_LANGUAGE_RECALL_AT_10 = 0.95;

	private static final String CORPUS = "demo/listings.json";

	private static final String QUERIES = "relevance/queries.json";

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private WebTestClient web;

	@Test
	void ranksTheJudgedListingsOfEveryLanguageFirst() throws InterruptedException {
		List<Map<String, Object>> corpus = read(CORPUS, Corpus.class).listings();
		Map<String, String> languageOf = new HashMap<>();
		corpus
			.forEach((listing) -> languageOf.put((String) listing.get("title"), (String) listing.get("textLanguage")));
		List<Judgement> judgements = read(QUERIES, Judgements.class).queries();
		Map<String, String> titles = post(corpus);
		assertThat(new HashSet<>(titles.values())).as("corpus titles are unique").hasSize(corpus.size());
		for (Judgement judgement : judgements) {
			assertThat(titles.values()).as(judgement.id() + " refers to corpus titles")
				.containsAll(judgement.relevant())
				.containsAll(judgement.partly())
				.containsAll(judgement.irrelevant());
			assertThat(judgement.relevant()).as(judgement.id() + " has a relevant listing").isNotEmpty();
		}
		awaitSearchable(titles.keySet());

		List<Measured> results = judgements.stream()
			.map((judgement) -> measure(judgement, titles, languageOf))
			.toList();
		System.out.println(report(results));
		System.out.println(GradedReport.of(results));

		// The first set (106 queries, P@5 and recall in the top 50) keeps its checks.
		List<Measured> first = results.stream().filter((result) -> result.judgement().since() == null).toList();
		assertThat(mean(first, Measured::precisionAt5)).as("mean P@5").isGreaterThanOrEqualTo(MIN_MEAN_PRECISION_AT_5);
		assertThat(mean(first, Measured::recall)).as("mean recall").isGreaterThanOrEqualTo(MIN_MEAN_RECALL);
		List<Measured> cross = results.stream().filter(Measured::crossLanguage).toList();
		assertThat(mean(results, Measured::ndcgAt10)).as("mean nDCG@10").isGreaterThanOrEqualTo(MIN_MEAN_NDCG_AT_10);
		assertThat(mean(results, Measured::recallAt10)).as("mean recall@10")
			.isGreaterThanOrEqualTo(MIN_MEAN_RECALL_AT_10);
		assertThat(mean(cross, Measured::ndcgAt10)).as("mean nDCG@10 across languages")
			.isGreaterThanOrEqualTo(MIN_CROSS_LANGUAGE_NDCG_AT_10);
		assertThat(mean(cross, Measured::recallAt10)).as("mean recall@10 across languages")
			.isGreaterThanOrEqualTo(MIN_CROSS_LANGUAGE_RECALL_AT_10);
		assertThat(results.stream().mapToInt(Measured::violations).sum()).as("irrelevant listings found")
			.isLessThanOrEqualTo(MAX_VIOLATIONS);
	}

	/**
	 * Posts the corpus and answers the ids with their titles. Other test classes post
	 * into the same index, so only these ids count in a ranking; the idempotency key
	 * keeps a second run in this JVM from posting twice.
	 */
	private Map<String, String> post(List<Map<String, Object>> corpus) {
		Map<String, String> titles = new HashMap<>();
		for (Map<String, Object> listing : corpus) {
			String title = (String) listing.get("title");
			UUID key = UUID.nameUUIDFromBytes(("relevance-" + title).getBytes(StandardCharsets.UTF_8));
			Map<?, ?> posted = this.web.post()
				.uri("/api/v1/listings")
				.headers(de.pinnwand.TestMembers.bearer("tester"))
				.header("Idempotency-Key", key.toString())
				.bodyValue(listing)
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			titles.put(posted.get("id").toString(), title);
		}
		return titles;
	}

	/**
	 * Pages through the newest listings until every id is there; the index refreshes
	 * every half second.
	 */
	private void awaitSearchable(Set<String> ids) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			Set<String> missing = new HashSet<>(ids);
			for (int page = 1; page <= 50 && !missing.isEmpty(); page++) {
				int current = page;
				List<String> found = ids(
						(b) -> b.queryParam("sort", "newest").queryParam("size", 50).queryParam("page", current));
				if (found.isEmpty()) {
					break;
				}
				missing.removeAll(found);
			}
			if (missing.isEmpty()) {
				return;
			}
			assertThat(System.nanoTime()).as(missing.size() + " corpus listings searchable in time")
				.isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	private Measured measure(Judgement judgement, Map<String, String> titles, Map<String, String> languageOf) {
		List<String> ranked = ids((b) -> {
			b.queryParam("q", "{q}").queryParam("size", 50);
			judgement.filters().forEach((name, value) -> b.queryParam(name, "{" + name + "}"));
			return b;
		}, judgement.variables()).stream().filter(titles::containsKey).map(titles::get).toList();
		List<String> top5 = ranked.subList(0, Math.min(5, ranked.size()));
		long inTop5 = judgement.relevant().stream().filter(top5::contains).count();
		long found = judgement.relevant().stream().filter(ranked::contains).count();
		int violations = (int) judgement.irrelevant().stream().filter(ranked::contains).count();
		List<String> missed = judgement.relevant().stream().filter((title) -> !top5.contains(title)).toList();
		List<String> top10 = ranked.subList(0, Math.min(10, ranked.size()));
		boolean cross = Stream.concat(judgement.relevant().stream(), judgement.partly().stream())
			.map(languageOf::get)
			.noneMatch((language) -> sameLanguage(language, judgement.language()));
		return new Measured(judgement, (double) inTop5 / Math.min(5, judgement.relevant().size()),
				(double) found / judgement.relevant().size(), violations, missed, GradedReport.ndcg(judgement, top10),
				GradedReport.recall(judgement, top10), cross);
	}

	/** Dari listings ('prs') are Persian ones for a Persian query. */
	private static boolean sameLanguage(String textLanguage, String queryLanguage) {
		return queryLanguage.equals(textLanguage) || (queryLanguage.equals("fa") && "prs".equals(textLanguage));
	}

	private List<String> ids(Function<UriBuilder, UriBuilder> query) {
		return ids(query, Map.of());
	}

	/**
	 * The ids of one page of results, in their order; variables are encoded whole, so '+'
	 * or '&' stay text.
	 */
	@SuppressWarnings("unchecked")
	private List<String> ids(Function<UriBuilder, UriBuilder> query, Map<String, String> variables) {
		Map<String, Object> page = this.web.get()
			.uri((b) -> query.apply(b.path("/api/v1/listings")).build(variables))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		List<String> ids = new ArrayList<>();
		for (Map<String, Object> item : (List<Map<String, Object>>) page.get("items")) {
			ids.add(((Map<String, Object>) item.get("listing")).get("id").toString());
		}
		return ids;
	}

	private static String report(List<Measured> results) {
		StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n%-6s %-30s %5s %6s %4s  %s%n", "query", "q",
				"P@5", "recall", "viol", "relevant not in top 5"));
		for (Measured result : results) {
			out.append(String.format(Locale.ROOT, "%-6s %-30s %5.2f %6.2f %4d  %s%n", result.judgement().id(),
					result.judgement().q(), result.precisionAt5(), result.recall(), result.violations(),
					String.join(" | ", result.missed())));
		}
		Map<String, List<Measured>> byLanguage = new LinkedHashMap<>();
		results.forEach((result) -> byLanguage.computeIfAbsent(result.judgement().language(), (k) -> new ArrayList<>())
			.add(result));
		byLanguage.put("all", results);
		out.append(String.format(Locale.ROOT, "%n%-6s %7s %5s %6s %4s%n", "lang", "queries", "P@5", "recall", "viol"));
		byLanguage.forEach((language,
				measured) -> out.append(String.format(Locale.ROOT, "%-6s %7d %5.3f %6.3f %4d%n", language,
						measured.size(), mean(measured, Measured::precisionAt5), mean(measured, Measured::recall),
						measured.stream().mapToInt(Measured::violations).sum())));
		return out.toString();
	}

	static double mean(List<Measured> results, ToDoubleFunction<Measured> metric) {
		return results.stream().mapToDouble(metric).average().orElse(0);
	}

	private static <T> T read(String resource, Class<T> type) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return json.readValue(in, type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The demo file: listings as the API takes them. */
	record Corpus(List<Map<String, Object>> listings) {
	}

	/** The judged queries. */
	record Judgements(List<Judgement> queries) {
	}

	/**
	 * A query as a user would type it, with the titles that belong in its top 5 and those
	 * that must not turn up. {@code filters} are further search parameters (kind, lang,
	 * topic, near, radiusKm).
	 */
	record Judgement(String id, String q, Map<String, String> filters, List<String> relevant, List<String> partly,
			List<String> irrelevant, String since) {

		Judgement {
			filters = (filters != null) ? filters : Map.of();
			partly = (partly != null) ? partly : List.of();
			irrelevant = (irrelevant != null) ? irrelevant : List.of();
		}

		String language() {
			return this.id.substring(0, this.id.indexOf('-'));
		}

		Map<String, String> variables() {
			Map<String, String> variables = new HashMap<>(this.filters);
			variables.put("q", this.q);
			return variables;
		}

	}

	/**
	 * One query's numbers; {@code crossLanguage} when every listing judged for it is
	 * written in another language than the query's.
	 */
	record Measured(Judgement judgement, double precisionAt5, double recall, int violations, List<String> missed,
			double ndcgAt10, double recallAt10, boolean crossLanguage) {
	}

}
