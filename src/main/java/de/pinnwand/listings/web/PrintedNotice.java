package de.pinnwand.listings.web;

import java.util.Map;
import java.util.UUID;

import de.pinnwand.listings.ListingIds;
import de.pinnwand.listings.ListingService;
import de.pinnwand.system.PublicAddress;
import de.pinnwand.web.Layout;
import de.pinnwand.web.Messages;
import io.nayuki.qrcodegen.QrCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * An A4 notice of a listing for the physical boards in shelters and cafés, with a QR code
 * that leads to the listing's page.
 */
@Controller
class PrintedNotice {

	static final String VIEW = "listings/print";

	private final ListingService listings;

	private final Layout layout;

	private final Messages messages;

	private final PublicAddress publicAddress;

	PrintedNotice(ListingService listings, Layout layout, Messages messages, PublicAddress publicAddress) {
		this.listings = listings;
		this.layout = layout;
		this.messages = messages;
		this.publicAddress = publicAddress;
	}

	@GetMapping("/listings/{id}/print")
	Mono<Rendering> notice(@PathVariable String id, ServerWebExchange exchange) {
		return find(id).map((listing) -> {
			Map<String, Object> model = this.layout.model(exchange, "print.page-title");
			model.put("title", listing.title());
			model.put("listing", ListingView.of(listing, false, this.messages, exchange));
			model.put("link", pageUrl(exchange, listing.id()));
			return Rendering.view(VIEW).model(model).build();
		});
	}

	/**
	 * The QR code as SVG: crisp at any print size, a few hundred bytes, no image library
	 * needed.
	 */
	@GetMapping(path = "/listings/{id}/qr.svg", produces = "image/svg+xml")
	Mono<ResponseEntity<String>> qrCode(@PathVariable String id, ServerWebExchange exchange) {
		return find(id).map((listing) -> ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.body(svg(QrCode.encodeText(pageUrl(exchange, listing.id()), QrCode.Ecc.MEDIUM))));
	}

	private Mono<de.pinnwand.listings.Listing> find(String id) {
		return ListingIds.require(id).flatMap(this.listings::findPublic);
	}

	private String pageUrl(ServerWebExchange exchange, UUID id) {
		return this.publicAddress.absolute(exchange, "/listings/" + id);
	}

	static String svg(QrCode qr) {
		int border = 4;
		int size = qr.size + border * 2;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < qr.size; y++) {
			for (int x = 0; x < qr.size; x++) {
				if (qr.getModule(x, y)) {
					path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
				+ "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
				+ "<path d=\"" + path + "\" fill=\"#000\"/></svg>";
	}

}
