package de.pinnwand.stats.web;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import de.pinnwand.stats.Period;
import de.pinnwand.stats.Report;
import de.pinnwand.stats.Suppression;
import de.pinnwand.system.Languages;
import de.pinnwand.web.Messages;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the figures page and its print view show: every count already suppressed below
 * five, labels in the reader's language, and the two charts as SVG.
 */
record StatsView(String from, String to, String district, String periodLabel, String csvHref, String printHref,
		List<Row> byTopic, List<Row> byLanguage, List<Row> byDistrict, String requests, String matchedRequests,
		String fulfilledRequests, List<Single> unmetByDistrict, List<Single> unmetByLanguage,
		String activeOrganisations, String volunteerGroups, String volunteers, String confirmedSignups,
		String waitingSignups, List<Single> moderation, String topicChart, String districtChart,
		List<Single> reportsByType, String reports, List<Single> decisionsByKind, String decisions,
		String firstDecisions, String medianHoursToDecision, String answeredRequests, String medianHoursToFirstAnswer) {

	/** Offers and requests of one category, as shown. */
	record Row(String label, String offers, String requests) {
	}

	/** One count, as shown. */
	record Single(String label, String count) {
	}

	static StatsView of(Report report, Messages messages, Locale locale) {
		Period period = report.period();
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
		String label = messages.get(locale, "stats.period-label", dates.format(period.from()),
				dates.format(period.to()),
				(period.district() != null) ? period.district() : messages.get(locale, "stats.all-districts"));
		Function<String, String> topic = (code) -> messages.get(locale, "topic." + code);
		// A council member may not read the language's own script: its name in the
		// reader's language.
		Function<String, String> language = (code) -> Languages.nameIn(code, locale);
		return new StatsView(period.from().toString(), period.to().toString(),
				(period.district() != null) ? period.district() : "", label, link("/stats.csv", period),
				link("/stats/print", period), rows(report.byTopic(), topic), rows(report.byLanguage(), language),
				districtRows(report), Suppression.shown(report.requests()), Suppression.shown(report.matchedRequests()),
				Suppression.shown(report.fulfilledRequests()), singles(report.unmetByDistrict(), Function.identity()),
				singles(report.unmetByLanguage(), language), Suppression.shown(report.activeOrganisations()),
				Suppression.shown(report.volunteerGroups()), Suppression.shown(report.volunteers()),
				Suppression.shown(report.confirmedSignups()), Suppression.shown(report.waitingSignups()),
				singles(report.moderation(), Function.identity()),
				BarChart.svg("chart-topics", messages.get(locale, "stats.chart.requests-by-topic", label),
						report.byTopic()
							.stream()
							.filter((row) -> row.requests() > 0)
							.map((row) -> new BarChart.Bar(topic.apply(row.category()), row.requests()))
							.toList()),
				BarChart.svg("chart-districts", messages.get(locale, "stats.chart.requests-by-district", label),
						districtBars(report)),
				withTotal(report.reportsByType(), report.reports(),
						(code) -> messages.get(locale, "moderation.type." + code)),
				Suppression.shown(report.reports()),
				withTotal(report.decisionsByKind(), report.decisions(),
						(action) -> messages.get(locale,
								"stats.decision." + action.substring(action.indexOf('.') + 1))),
				Suppression.shown(report.decisions()), Suppression.shown(report.firstDecisions()),
				median(report, locale), Suppression.shown(report.answeredRequests()),
				hours(report.answeredRequests(), report.medianHoursToFirstAnswer(), locale));
	}

	/**
	 * The median in hours with one decimal; '–' without decisions, suppressed for fewer
	 * than five.
	 */
	static String median(Report report, Locale locale) {
		return hours(report.firstDecisions(), report.medianHoursToDecision(), locale);
	}

	/**
	 * A median of {@code count} durations in hours with one decimal; '–' for none,
	 * suppressed for fewer than five, as one person's time would show.
	 */
	static String hours(long count, Double median, Locale locale) {
		if (count == 0 || median == null) {
			return "–";
		}
		if (Suppression.suppressed(count)) {
			return Suppression.SUPPRESSED;
		}
		return String.format(locale, "%.1f", median);
	}

	/**
	 * The requests per district stand next to all requests: secondary suppression applies
	 * to them.
	 */
	private static List<Row> districtRows(Report report) {
		List<String> requests = Suppression.shownWithTotal(report.requests(),
				report.byDistrict().stream().map(Report.KindCount::requests).toList());
		List<Row> rows = new java.util.ArrayList<>();
		for (int i = 0; i < report.byDistrict().size(); i++) {
			Report.KindCount row = report.byDistrict().get(i);
			rows.add(new Row(row.category(), Suppression.shown(row.offers()), requests.get(i)));
		}
		return rows;
	}

	private static List<BarChart.Bar> districtBars(Report report) {
		List<String> requests = Suppression.shownWithTotal(report.requests(),
				report.byDistrict().stream().map(Report.KindCount::requests).toList());
		List<BarChart.Bar> bars = new java.util.ArrayList<>();
		for (int i = 0; i < report.byDistrict().size(); i++) {
			Report.KindCount row = report.byDistrict().get(i);
			if (row.requests() > 0) {
				bars.add(new BarChart.Bar(row.category(), row.requests(), Suppression.HIDDEN.equals(requests.get(i))));
			}
		}
		return bars;
	}

	private static List<Single> withTotal(List<Report.Count> counts, long total, Function<String, String> label) {
		List<String> shown = Suppression.shownWithTotal(total, counts.stream().map(Report.Count::count).toList());
		List<Single> singles = new java.util.ArrayList<>();
		for (int i = 0; i < counts.size(); i++) {
			singles.add(new Single(label.apply(counts.get(i).category()), shown.get(i)));
		}
		return singles;
	}

	private static List<Row> rows(List<Report.KindCount> counts, Function<String, String> label) {
		return counts.stream()
			.map((count) -> new Row(label.apply(count.category()), Suppression.shown(count.offers()),
					Suppression.shown(count.requests())))
			.toList();
	}

	private static List<Single> singles(List<Report.Count> counts, Function<String, String> label) {
		return counts.stream()
			.map((count) -> new Single(label.apply(count.category()), Suppression.shown(count.count())))
			.toList();
	}

	private static String link(String path, Period period) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path)
			.queryParam("from", period.from())
			.queryParam("to", period.to());
		if (period.district() != null) {
			uri.queryParam("district", period.district());
		}
		return uri.encode().build().toUriString();
	}

}
