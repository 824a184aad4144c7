package de.pinnwand.system;

/**
 * One field of a CSV file (RFC 4180) that people open in a spreadsheet: quoted where it
 * needs to be, and never read as a formula (a leading =, +, - or @ gets an apostrophe, as
 * spreadsheets themselves write it).
 */
public final class CsvFields {

	private CsvFields() {
	}

	public static String field(String text) {
		String value = CleanText.forOutput((text != null) ? text : "");
		String safe = (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

	/** The fields as one line, ended by CRLF. */
	public static void line(StringBuilder csv, Iterable<String> fields) {
		boolean first = true;
		for (String field : fields) {
			csv.append(first ? "" : ",").append(field(field));
			first = false;
		}
		csv.append("\r\n");
	}

}
