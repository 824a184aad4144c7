package de.pinnwand.notifications.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import de.pinnwand.system.embedded.EmbeddedMailRunning;
import de.pinnwand.system.embedded.EmbeddedServices;
import de.pinnwand.web.Layout;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /dev/mail}: the mails the embedded mail server received, newest first, for a
 * developer on this machine. The route exists only while the embedded mail server runs,
 * and answers requests from loopback addresses only, and none that a proxy forwarded
 * (everyone else gets 404, as if it did not exist).
 */
@Controller
@Conditional(EmbeddedMailRunning.class)
class DevMailPage {

	static final String VIEW = "notifications/devmail";

	/**
	 * Headers a proxy or CDN in front of the app sets with the visitor's address; any
	 * X-Forwarded-* too.
	 */
	static final List<String> PROXY_HEADERS = List.of("Forwarded", "X-Real-IP", "True-Client-IP", "CF-Connecting-IP",
			"X-Client-IP", "X-Cluster-Client-IP", "Fastly-Client-IP", "Client-IP", "Via",
			de.pinnwand.security.TrustedProxies.FORWARDED_MARK);

	private final Layout layout;

	DevMailPage(Layout layout) {
		this.layout = layout;
	}

	/** One mail as the page shows it; the template escapes every value. */
	record MailView(String to, String subject, String date, String text) {
	}

	@GetMapping("/dev/mail")
	Mono<Rendering> mails(ServerWebExchange exchange) {
		var remote = exchange.getRequest().getRemoteAddress();
		var headers = exchange.getRequest().getHeaders();
		// A reverse proxy on the same machine connects from loopback too: what it
		// forwards is not local.
		boolean proxied = PROXY_HEADERS.stream().anyMatch(headers::containsHeader) || headers.headerNames()
			.stream()
			.anyMatch((name) -> name.regionMatches(true, 0, "X-Forwarded-", 0, 12));
		if (proxied || remote == null || remote.getAddress() == null || !remote.getAddress().isLoopbackAddress()) {
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		return Mono.fromCallable(() -> EmbeddedServices.mailServer().received())
			.subscribeOn(Schedulers.boundedElastic())
			.map((received) -> {
				List<MailView> mails = new ArrayList<>(received.stream()
					.map((mail) -> new MailView(String.join(", ", mail.to()), mail.subject(),
							(mail.date() != null) ? mail.date().toString() : "", mail.text()))
					.toList());
				Collections.reverse(mails);
				Map<String, Object> model = this.layout.model(exchange, "devmail.page-title");
				model.put("mails", mails);
				model.put("empty", mails.isEmpty());
				return Rendering.view(VIEW).model(model).build();
			});
	}

}
