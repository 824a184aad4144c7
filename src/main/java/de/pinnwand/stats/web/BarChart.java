package de.pinnwand.stats.web;

import java.util.List;

import de.pinnwand.stats.Suppression;
import org.springframework.web.util.HtmlUtils;

/**
 * A horizontal bar chart as inline SVG, drawn on the server so it needs no JavaScript and
 * prints as it shows. Each bar carries its label and its number as text; suppressed
 * counts get no bar, only "&lt;5". The figure is one image for screen readers
 * ({@code role="img"} with a title); the same numbers are in the table next to it.
 */
final class BarChart {

	/**
	 * One bar: what it counts and the exact count (suppressed when drawn); {@code hidden}
	 * for a count hidden only by secondary suppression
	 * ({@link Suppression#shownWithTotal}), drawn without a bar and as
	 * {@link Suppression#HIDDEN}.
	 */
	record Bar(String label, long count, boolean hidden) {

		Bar(String label, long count) {
			this(label, count, false);
		}

		boolean drawn() {
			return !this.hidden && !Suppression.suppressed(this.count);
		}

		String shown() {
			return this.hidden ? Suppression.HIDDEN : Suppression.shown(this.count);
		}

	}

	private static final int WIDTH = 640;

	private static final int LABEL_WIDTH = 260;

	private static final int BAR_HEIGHT = 22;

	private static final int GAP = 6;

	private static final int NUMBER_WIDTH = 50;

	private BarChart() {
	}

	static String svg(String id, String title, List<Bar> bars) {
		long max = bars.stream().filter(Bar::drawn).mapToLong(Bar::count).max().orElse(0);
		int height = Math.max(1, bars.size()) * (BAR_HEIGHT + GAP) + GAP;
		int room = WIDTH - LABEL_WIDTH - NUMBER_WIDTH;
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-labelledby=\"")
			.append(id)
			.append("-title\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(height)
			.append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">");
		svg.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
		int y = GAP;
		for (Bar bar : bars) {
			boolean hidden = !bar.drawn();
			int length = (hidden || max == 0) ? 0 : (int) Math.max(1, Math.round((double) bar.count() / max * room));
			int middle = y + BAR_HEIGHT / 2 + 5;
			svg.append("<text x=\"")
				.append(LABEL_WIDTH - 8)
				.append("\" y=\"")
				.append(middle)
				.append("\" text-anchor=\"end\" font-size=\"14\">")
				.append(escape(shorten(bar.label())))
				.append("</text>");
			if (length > 0) {
				svg.append("<rect x=\"")
					.append(LABEL_WIDTH)
					.append("\" y=\"")
					.append(y)
					.append("\" width=\"")
					.append(length)
					.append("\" height=\"")
					.append(BAR_HEIGHT)
					.append("\" fill=\"#1f5f8b\"/>");
			}
			svg.append("<text x=\"")
				.append(LABEL_WIDTH + length + 6)
				.append("\" y=\"")
				.append(middle)
				.append("\" font-size=\"14\">")
				.append(escape(bar.shown()))
				.append("</text>");
			y += BAR_HEIGHT + GAP;
		}
		svg.append("</svg>");
		return svg.toString();
	}

	private static String shorten(String label) {
		return (label.length() > 34) ? label.substring(0, 33) + "…" : label;
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
