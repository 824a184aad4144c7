package de.pinnwand.listings.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import de.pinnwand.listings.ListingIds;

import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;

/**
 * The listings this browser posted, with their private keys, in an HttpOnly cookie: 'my listings' without an
 * account. At most {@link #MAX} entries, the newest kept.
 */
final class MyListingsCookie {

	static final String NAME = "pinnwand_mine";

	static final int MAX = 30;

	private MyListingsCookie() {
	}

	/** Listing id to its private key. */
	static Map<UUID, UUID> read(ServerWebExchange exchange) {
		Map<UUID, UUID> keys = new LinkedHashMap<>();
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(NAME);
		if (cookie == null) {
			return keys;
		}
		for (String pair : cookie.getValue().split("\\.")) {
			String[] parts = pair.split("_");
			if (parts.length == 2) {
				UUID id = ListingIds.parse(parts[0]);
				UUID key = ListingIds.parse(parts[1]);
				if (id != null && key != null && keys.size() < MAX) {
					keys.put(id, key);
				}
			}
		}
		return keys;
	}

	static void add(ServerWebExchange exchange, UUID id, UUID key) {
		Map<UUID, UUID> keys = new LinkedHashMap<>();
		keys.put(id, key);
		read(exchange).forEach((otherId, otherKey) -> {
			if (keys.size() < MAX) {
				keys.putIfAbsent(otherId, otherKey);
			}
		});
		String value = keys.entrySet().stream().map((e) -> e.getKey() + "_" + e.getValue())
			.collect(Collectors.joining("."));
		exchange.getResponse()
			.addCookie(ResponseCookie.from(NAME, value).path("/").httpOnly(true).sameSite("Lax")
				.secure("https".equals(exchange.getRequest().getURI().getScheme()))
				.maxAge(Duration.ofDays(365)).build());
	}

}
