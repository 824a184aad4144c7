package de.pinnwand.listings.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.modulith.NamedInterface;

/**
 * Plain text as lines of segments, with web addresses made into links. The template
 * escapes every segment; only http and https addresses become links, so no markup or
 * script can come through.
 */
@NamedInterface("listing-views")
public final class TextLines {

	private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+", Pattern.CASE_INSENSITIVE);

	private static final String TRAILING_PUNCTUATION = ".,;:!?)]}";

	private TextLines() {
	}

	/** A line of text. */
	public record Line(List<Segment> segments) {
	}

	/** Text, or a link when {@code href} is set. */
	public record Segment(String text, String href) {
	}

	public static List<Line> of(String text) {
		return Arrays.stream(text.split("\n", -1)).map(TextLines::line).toList();
	}

	private static Line line(String line) {
		List<Segment> segments = new ArrayList<>();
		Matcher matcher = URL.matcher(line);
		int start = 0;
		while (matcher.find()) {
			String url = matcher.group();
			int end = matcher.end();
			while (!url.isEmpty() && TRAILING_PUNCTUATION.indexOf(url.charAt(url.length() - 1)) >= 0) {
				url = url.substring(0, url.length() - 1);
				end--;
			}
			if (matcher.start() > start) {
				segments.add(new Segment(line.substring(start, matcher.start()), null));
			}
			segments.add(new Segment(url, url));
			start = end;
		}
		if (start < line.length()) {
			segments.add(new Segment(line.substring(start), null));
		}
		return new Line(segments);
	}

}
