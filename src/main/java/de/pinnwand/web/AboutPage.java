package de.pinnwand.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

/**
 * What Pinnwand is, how it treats people's data, and whose data it uses (the GeoNames
 * credit).
 */
@Controller
class AboutPage {

	static final String VIEW = "about/about";

	private final Layout layout;

	AboutPage(Layout layout) {
		this.layout = layout;
	}

	@GetMapping("/about")
	Rendering about(ServerWebExchange exchange) {
		return Rendering.view(VIEW).model(this.layout.model(exchange, "about.page-title")).build();
	}

}
