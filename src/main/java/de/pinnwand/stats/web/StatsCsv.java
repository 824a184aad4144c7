package de.pinnwand.stats.web;

import java.util.List;

import de.pinnwand.stats.Report;
import de.pinnwand.stats.Suppression;
import de.pinnwand.system.CsvFields;

/**
 * The figures as CSV for spreadsheets: one value a line
 * ({@code section,category,measure,value}), codes rather than translated labels, counts
 * under five as "&lt;5" and counts hidden by secondary suppression as "*", just like on
 * the page; all districts are "all", never a marker of suppression.
 */
final class StatsCsv {

	private StatsCsv() {
	}

	static String of(Report report) {
		StringBuilder csv = new StringBuilder("section,category,measure,value\r\n");
		line(csv, "period", "from", "", report.period().from().toString());
		line(csv, "period", "to", "", report.period().to().toString());
		line(csv, "period", "district", "", (report.period().district() != null) ? report.period().district() : "all");
		kinds(csv, "by_topic", report.byTopic());
		kinds(csv, "by_language", report.byLanguage());
		List<String> districtRequests = Suppression.shownWithTotal(report.requests(),
				report.byDistrict().stream().map(Report.KindCount::requests).toList());
		for (int i = 0; i < report.byDistrict().size(); i++) {
			Report.KindCount row = report.byDistrict().get(i);
			line(csv, "by_district", row.category(), "offers", Suppression.shown(row.offers()));
			line(csv, "by_district", row.category(), "requests", districtRequests.get(i));
		}
		count(csv, "requests", "all", report.requests());
		count(csv, "requests", "matched", report.matchedRequests());
		count(csv, "requests", "fulfilled", report.fulfilledRequests());
		count(csv, "requests", "answered", report.answeredRequests());
		line(csv, "time_to_first_answer", "median_hours", "",
				StatsView.hours(report.answeredRequests(), report.medianHoursToFirstAnswer(), java.util.Locale.ROOT));
		counts(csv, "unmet_requests_by_district", report.unmetByDistrict());
		counts(csv, "unmet_requests_by_language", report.unmetByLanguage());
		count(csv, "organisations", "active", report.activeOrganisations());
		count(csv, "organisations", "volunteer_groups", report.volunteerGroups());
		count(csv, "volunteers", "members_with_offers", report.volunteers());
		count(csv, "activity_signups", "confirmed", report.confirmedSignups());
		count(csv, "activity_signups", "waiting", report.waitingSignups());
		counts(csv, "moderation", report.moderation());
		withTotal(csv, "reports_filed", report.reportsByType(), report.reports());
		withTotal(csv, "decisions", report.decisionsByKind(), report.decisions());
		count(csv, "time_to_first_decision", "listings_decided", report.firstDecisions());
		line(csv, "time_to_first_decision", "median_hours", "", StatsView.median(report, java.util.Locale.ROOT));
		return csv.toString();
	}

	private static void kinds(StringBuilder csv, String section, List<Report.KindCount> rows) {
		for (Report.KindCount row : rows) {
			line(csv, section, row.category(), "offers", Suppression.shown(row.offers()));
			line(csv, section, row.category(), "requests", Suppression.shown(row.requests()));
		}
	}

	/** The parts, then the total, with secondary suppression. */
	private static void withTotal(StringBuilder csv, String section, List<Report.Count> rows, long total) {
		List<String> shown = Suppression.shownWithTotal(total, rows.stream().map(Report.Count::count).toList());
		for (int i = 0; i < rows.size(); i++) {
			line(csv, section, rows.get(i).category(), "", shown.get(i));
		}
		count(csv, section, "all", total);
	}

	private static void counts(StringBuilder csv, String section, List<Report.Count> rows) {
		rows.forEach((row) -> count(csv, section, row.category(), row.count()));
	}

	private static void count(StringBuilder csv, String section, String category, long value) {
		line(csv, section, category, "", Suppression.shown(value));
	}

	private static void line(StringBuilder csv, String... fields) {
		CsvFields.line(csv, List.of(fields));
	}

}
