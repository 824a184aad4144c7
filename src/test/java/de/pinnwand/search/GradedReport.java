package de.pinnwand.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.pinnwand.search.SearchRelevanceTests.Judgement;
import de.pinnwand.search.SearchRelevanceTests.Measured;

/**
 * Graded measures of the relevance set: nDCG@10 with gain 2^grade − 1 (grade 2 for
 * {@code relevant}, 1 for {@code partly}), and recall@10 of every judged listing, as a
 * table per language and for same- and cross-language queries.
 */
final class GradedReport {

	private GradedReport() {
	}

	static double ndcg(Judgement judgement, List<String> top10) {
		double dcg = 0;
		for (int i = 0; i < top10.size(); i++) {
			dcg += gain(judgement, top10.get(i)) / log2(i + 2);
		}
		List<Double> ideal = new ArrayList<>();
		judgement.relevant().forEach((title) -> ideal.add(3.0));
		judgement.partly().forEach((title) -> ideal.add(1.0));
		double idcg = 0;
		for (int i = 0; i < Math.min(10, ideal.size()); i++) {
			idcg += ideal.get(i) / log2(i + 2);
		}
		return (idcg == 0) ? 0 : dcg / idcg;
	}

	static double recall(Judgement judgement, List<String> top10) {
		int judged = judgement.relevant().size() + judgement.partly().size();
		long found = top10.stream().filter((title) -> gain(judgement, title) > 0).count();
		return (double) found / Math.min(10, judged);
	}

	private static double gain(Judgement judgement, String title) {
		return judgement.relevant().contains(title) ? 3 : (judgement.partly().contains(title) ? 1 : 0);
	}

	private static double log2(int n) {
		return Math.log(n) / Math.log(2);
	}

	static String of(List<Measured> results) {
		Map<String, List<Measured>> groups = new LinkedHashMap<>();
		results.forEach((result) -> groups.computeIfAbsent(result.judgement().language(), (k) -> new ArrayList<>())
			.add(result));
		groups.put("same", results.stream().filter((result) -> !result.crossLanguage()).toList());
		groups.put("cross", results.stream().filter(Measured::crossLanguage).toList());
		groups.put("all", results);
		StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n%-6s %7s %6s %8s %9s%n", "group", "queries",
				"cross", "nDCG@10", "recall@10"));
		groups.forEach((group,
				measured) -> out.append(String.format(Locale.ROOT, "%-6s %7d %6d %8.3f %9.3f%n", group, measured.size(),
						measured.stream().filter(Measured::crossLanguage).count(),
						SearchRelevanceTests.mean(measured, Measured::ndcgAt10),
						SearchRelevanceTests.mean(measured, Measured::recallAt10))));
		out.append(String.format(Locale.ROOT, "%n%-6s %-28s %7s %9s  %s%n", "query", "q", "nDCG@10", "recall@10",
				"cross"));
		results.forEach((result) -> out.append(String.format(Locale.ROOT, "%-6s %-28s %7.2f %9.2f  %s%n",
				result.judgement().id(), result.judgement().q(), result.ndcgAt10(), result.recallAt10(),
				result.crossLanguage() ? "cross" : "")));
		return out.toString();
	}

}
