package de.pinnwand.stats.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.pinnwand.accounts.Member;
import de.pinnwand.accounts.Members;
import de.pinnwand.places.Gazetteer;
import de.pinnwand.stats.InvalidPeriod;
import de.pinnwand.stats.Period;
import de.pinnwand.stats.Statistics;
import de.pinnwand.web.Layout;
import de.pinnwand.web.Messages;
import de.pinnwand.web.NotFound;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The council figures for the coordination office (coordinators and admins; for anyone
 * else the pages do not exist): {@code /stats} with charts and tables,
 * {@code /stats/print} for an A4 attachment to a council paper, {@code /stats.csv} for
 * spreadsheets. Without dates they cover the last calendar month.
 */
@Controller
class StatsPages {

	static final String VIEW = "stats/figures";

	static final String PRINT_VIEW = "stats/print";

	private final Members members;

	private final Statistics statistics;

	private final Layout layout;

	private final Messages messages;

	private final Clock clock;

	private final Gazetteer gazetteer;

	StatsPages(Members members, Statistics statistics, Layout layout, Messages messages, Clock clock,
			Gazetteer gazetteer) {
		this.members = members;
		this.gazetteer = gazetteer;
		this.statistics = statistics;
		this.layout = layout;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/stats")
	Mono<Rendering> figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String district, ServerWebExchange exchange) {
		return page(VIEW, from, to, district, exchange);
	}

	@GetMapping("/stats/print")
	Mono<Rendering> print(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String district, ServerWebExchange exchange) {
		return page(PRINT_VIEW, from, to, district, exchange);
	}

	@GetMapping(path = "/stats.csv")
	@ResponseBody
	Mono<ResponseEntity<byte[]>> csv(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String district,
			ServerWebExchange exchange) {
		return coordinator(exchange).flatMap((member) -> {
			Period period;
			try {
				period = Period.parse(from, to, district, this.clock);
			}
			catch (InvalidPeriod invalid) {
				return Mono.just(ResponseEntity.badRequest()
					.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
					.body(this.messages.get(exchange, invalid.messageKey()).getBytes(StandardCharsets.UTF_8)));
			}
			String name = "pinnwand-figures-" + period.from() + "-" + period.to() + ".csv";
			return this.statistics.of(period)
				.map((report) -> ResponseEntity.ok()
					.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
					.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
					.body(StatsCsv.of(report, this.messages, Messages.localeOf(exchange))
						.getBytes(StandardCharsets.UTF_8)));
		});
	}

	private Mono<Rendering> page(String view, String from, String to, String district, ServerWebExchange exchange) {
		return coordinator(exchange).flatMap((member) -> {
			Map<String, Object> model = this.layout.model(exchange, "stats.page-title");
			Locale locale = Messages.localeOf(exchange);
			Period period;
			try {
				period = Period.parse(from, to, district, this.clock);
			}
			catch (InvalidPeriod invalid) {
				model.put("error", this.messages.get(locale, invalid.messageKey()));
				model.put("from", (from != null) ? from : "");
				model.put("to", (to != null) ? to : "");
				model.put("district", (district != null) ? district : "");
				model.put("districts", districts(district));
				return Mono.just(Rendering.view(VIEW).model(model).status(HttpStatus.BAD_REQUEST).build());
			}
			return this.statistics.of(period).map((report) -> {
				StatsView figures = StatsView.of(report, this.messages, locale);
				model.put("figures", figures);
				model.put("from", figures.from());
				model.put("to", figures.to());
				model.put("district", figures.district());
				model.put("districts", districts(figures.district()));
				return Rendering.view(view).model(model).build();
			});
		});
	}

	/** A district of the filter's select list. */
	record DistrictChoice(String name, boolean selected) {
	}

	/**
	 * The home area's districts from the gazetteer, so nobody has to spell one; a
	 * district asked for by link that is not among them stays chosen rather than silently
	 * dropped.
	 */
	private List<DistrictChoice> districts(String chosen) {
		String current = (chosen != null) ? chosen.strip() : "";
		List<DistrictChoice> choices = new ArrayList<>();
		if (!current.isEmpty() && !this.gazetteer.districtsOfHomeArea().contains(current)) {
			choices.add(new DistrictChoice(current, true));
		}
		this.gazetteer.districtsOfHomeArea()
			.forEach((name) -> choices.add(new DistrictChoice(name, name.equals(current))));
		return choices;
	}

	private Mono<Member> coordinator(ServerWebExchange exchange) {
		return this.members.required(exchange)
			.filter(Member::isCoordinator)
			.switchIfEmpty(Mono.error(FiguresNotVisible::new));
	}

	/**
	 * The figures are for the coordination office; for anyone else they are not there.
	 */
	static final class FiguresNotVisible extends NotFound {

		FiguresNotVisible() {
			super("No council figures for this member");
		}

	}

}
