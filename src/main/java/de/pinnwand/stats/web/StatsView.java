package de.pinnwand.stats.web;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import de.pinnwand.listings.Languages;
import de.pinnwand.stats.Period;
import de.pinnwand.stats.Report;
import de.pinnwand.stats.Suppression;
import de.pinnwand.system.web.Messages;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the figures page and its print view show: every count already suppressed below five, labels in the
 * reader's language, and the two charts as SVG.
 */
record StatsView(String from, String to, String district, String periodLabel, String csvHref, String printHref,
		List<Row> byTopic, List<Row> byLanguage, List<Row> byDistrict, String requests, String matchedRequests,
		String fulfilledRequests, List<Single> unmetByDistrict, List<Single> unmetByLanguage,
		String activeOrganisations, String volunteerGroups, String volunteers, String confirmedSignups,
		String waitingSignups, List<Single> moderation, String topicChart, String districtChart) {

	/** Offers and requests of one category, as shown. */
	record Row(String label, String offers, String requests) {
	}

	/** One count, as shown. */
	record Single(String label, String count) {
	}

	static StatsView of(Report report, Messages messages, Locale locale) {
		Period period = report.period();
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
		String label = messages.get(locale, "stats.period-label", dates.format(period.from()), dates.format(period.to()),
				(period.district() != null) ? period.district() : messages.get(locale, "stats.all-districts"));
		Function<String, String> topic = (code) -> messages.get(locale, "topic." + code);
		Function<String, String> language = (code) -> Languages.isKnown(code) ? Languages.endonym(code) : code;
		return new StatsView(period.from().toString(), period.to().toString(),
				(period.district() != null) ? period.district() : "", label, link("/stats.csv", period),
				link("/stats/print", period), rows(report.byTopic(), topic), rows(report.byLanguage(), language),
				rows(report.byDistrict(), Function.identity()), Suppression.shown(report.requests()),
				Suppression.shown(report.matchedRequests()), Suppression.shown(report.fulfilledRequests()),
				singles(report.unmetByDistrict(), Function.identity()), singles(report.unmetByLanguage(), language),
				Suppression.shown(report.activeOrganisations()), Suppression.shown(report.volunteerGroups()),
				Suppression.shown(report.volunteers()), Suppression.shown(report.confirmedSignups()),
				Suppression.shown(report.waitingSignups()), singles(report.moderation(), Function.identity()),
				BarChart.svg("chart-topics", messages.get(locale, "stats.chart.requests-by-topic", label),
						report.byTopic().stream().filter((row) -> row.requests() > 0)
							.map((row) -> new BarChart.Bar(topic.apply(row.category()), row.requests())).toList()),
				BarChart.svg("chart-districts", messages.get(locale, "stats.chart.requests-by-district", label),
						report.byDistrict().stream().filter((row) -> row.requests() > 0)
							.map((row) -> new BarChart.Bar(row.category(), row.requests())).toList()));
	}

	private static List<Row> rows(List<Report.KindCount> counts, Function<String, String> label) {
		return counts.stream().map((count) -> new Row(label.apply(count.category()), Suppression.shown(count.offers()),
				Suppression.shown(count.requests()))).toList();
	}

	private static List<Single> singles(List<Report.Count> counts, Function<String, String> label) {
		return counts.stream().map((count) -> new Single(label.apply(count.category()), Suppression.shown(count.count())))
			.toList();
	}

	private static String link(String path, Period period) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path).queryParam("from", period.from())
			.queryParam("to", period.to());
		if (period.district() != null) {
			uri.queryParam("district", period.district());
		}
		return uri.encode().build().toUriString();
	}

}
