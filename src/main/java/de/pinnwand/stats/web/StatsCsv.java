package de.pinnwand.stats.web;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import de.pinnwand.stats.Report;
import de.pinnwand.stats.Suppression;
import de.pinnwand.system.CsvFields;
import de.pinnwand.system.Languages;
import de.pinnwand.web.Messages;

/**
 * The figures as CSV for spreadsheets: one value a line
 * ({@code section,category,label,measure,value,marker}). The category is the code (for
 * formulas and joins), the label the same thing in the reader's language (for people).
 * The value column holds only numbers, so a spreadsheet can add it up: a count under five
 * or one hidden by secondary suppression leaves it empty and says so in the marker column
 * ("&lt;5" or "*", just like on the page). All districts are "all", never a marker of
 * suppression.
 */
final class StatsCsv {

	static final String HEADER = "section,category,label,measure,value,marker";

	private final StringBuilder csv = new StringBuilder(HEADER + "\r\n");

	private final Messages messages;

	private final Locale locale;

	private StatsCsv(Messages messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	static String of(Report report, Messages messages, Locale locale) {
		return new StatsCsv(messages, locale).write(report);
	}

	private String write(Report report) {
		Function<String, String> topic = (code) -> text("topic." + code);
		Function<String, String> language = (code) -> Languages.nameIn(code, this.locale);
		Function<String, String> district = Function.identity();
		// Moderation actions other than decisions (held, hidden, …) have no text of their
		// own here: their code stands in.
		Function<String, String> decision = (action) -> textOr(
				"stats.decision." + action.substring(action.indexOf('.') + 1), action);
		String districtCode = report.period().district();
		text("period", "from", text("stats.from"), report.period().from().toString());
		text("period", "to", text("stats.to"), report.period().to().toString());
		text("period", "district", text("stats.district"), (districtCode != null) ? districtCode : "all");
		kinds("by_topic", report.byTopic(), topic);
		kinds("by_language", report.byLanguage(), language);
		List<String> districtRequests = Suppression.shownWithTotal(report.requests(),
				report.byDistrict().stream().map(Report.KindCount::requests).toList());
		for (int i = 0; i < report.byDistrict().size(); i++) {
			Report.KindCount row = report.byDistrict().get(i);
			value("by_district", row.category(), row.category(), "offers", Suppression.shown(row.offers()));
			value("by_district", row.category(), row.category(), "requests", districtRequests.get(i));
		}
		count("requests", "all", text("stats.requests-all"), report.requests());
		count("requests", "matched", text("stats.requests-matched"), report.matchedRequests());
		count("requests", "fulfilled", text("stats.requests-fulfilled"), report.fulfilledRequests());
		count("requests", "answered", text("stats.requests-answered"), report.answeredRequests());
		value("time_to_first_answer", "median_hours", text("stats.median-to-answer"), "",
				StatsView.hours(report.answeredRequests(), report.medianHoursToFirstAnswer(), Locale.ROOT));
		counts("unmet_requests_by_district", report.unmetByDistrict(), district);
		counts("unmet_requests_by_language", report.unmetByLanguage(), language);
		count("organisations", "active", text("stats.active-organisations"), report.activeOrganisations());
		count("organisations", "volunteer_groups", text("stats.volunteer-groups"), report.volunteerGroups());
		count("volunteers", "members_with_offers", text("stats.volunteers"), report.volunteers());
		count("activity_signups", "confirmed", text("stats.signups-confirmed"), report.confirmedSignups());
		count("activity_signups", "waiting", text("stats.signups-waiting"), report.waitingSignups());
		counts("moderation", report.moderation(), decision);
		withTotal("reports_filed", report.reportsByType(), report.reports(), (type) -> text("moderation.type." + type),
				text("stats.reports-all"));
		withTotal("decisions", report.decisionsByKind(), report.decisions(), decision, text("stats.decisions-all"));
		count("time_to_first_decision", "listings_decided", text("stats.first-decisions"), report.firstDecisions());
		value("time_to_first_decision", "median_hours", text("stats.median-to-decision"), "",
				StatsView.median(report, Locale.ROOT));
		return this.csv.toString();
	}

	private String text(String key) {
		return this.messages.get(this.locale, key);
	}

	/**
	 * The text of a key, or the fallback where the bundles have none (get gives the key).
	 */
	private String textOr(String key, String fallback) {
		String text = text(key);
		return text.equals(key) ? fallback : text;
	}

	private void kinds(String section, List<Report.KindCount> rows, Function<String, String> label) {
		for (Report.KindCount row : rows) {
			String shownLabel = label.apply(row.category());
			value(section, row.category(), shownLabel, "offers", Suppression.shown(row.offers()));
			value(section, row.category(), shownLabel, "requests", Suppression.shown(row.requests()));
		}
	}

	/** The parts, then the total, with secondary suppression. */
	private void withTotal(String section, List<Report.Count> rows, long total, Function<String, String> label,
			String totalLabel) {
		List<String> shown = Suppression.shownWithTotal(total, rows.stream().map(Report.Count::count).toList());
		for (int i = 0; i < rows.size(); i++) {
			value(section, rows.get(i).category(), label.apply(rows.get(i).category()), "", shown.get(i));
		}
		count(section, "all", totalLabel, total);
	}

	private void counts(String section, List<Report.Count> rows, Function<String, String> label) {
		rows.forEach((row) -> count(section, row.category(), label.apply(row.category()), row.count()));
	}

	private void count(String section, String category, String label, long value) {
		value(section, category, label, "", Suppression.shown(value));
	}

	/**
	 * A shown value: a number, a median or '–' goes into the value column, a marker of
	 * suppression into the marker column.
	 */
	private void value(String section, String category, String label, String measure, String shown) {
		boolean marker = Suppression.SUPPRESSED.equals(shown) || Suppression.HIDDEN.equals(shown);
		CsvFields.line(this.csv, List.of(section, category, label, measure, marker ? "" : shown, marker ? shown : ""));
	}

	/** A line of the period: its value is text, and there is no marker. */
	private void text(String section, String category, String label, String value) {
		CsvFields.line(this.csv, List.of(section, category, label, "", value, ""));
	}

}
