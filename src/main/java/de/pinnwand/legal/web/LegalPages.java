package de.pinnwand.legal.web;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import de.pinnwand.legal.LegalProperties;
import de.pinnwand.listings.RetentionProperties;
import de.pinnwand.messaging.MessagingProperties;
import de.pinnwand.notifications.NotificationsProperties;
import de.pinnwand.security.SessionsProperties;
import de.pinnwand.web.Layout;
import de.pinnwand.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

/**
 * The Impressum, the privacy notice and the page in Leichte Sprache. What they say about
 * the operator comes from {@code pinnwand.legal.*}; what the privacy notice says about
 * keeping data comes from the settings that make the app keep it, so the notice cannot
 * drift from what the app does.
 */
@Controller
class LegalPages {

	static final String IMPRESSUM_VIEW = "legal/impressum";

	static final String PRIVACY_VIEW = "legal/privacy";

	static final String EASY_VIEW = "legal/easy";

	/**
	 * The lines of each section of the page in Leichte Sprache
	 * ({@code legal.easy.s<n>.l<m>}).
	 */
	private static final int[] EASY_LINES = { 4, 4, 4, 3, 3 };

	private final Layout layout;

	private final Messages messages;

	private final LegalProperties legal;

	private final RetentionProperties retention;

	private final MessagingProperties messaging;

	private final SessionsProperties sessions;

	private final NotificationsProperties notifications;

	LegalPages(Layout layout, Messages messages, LegalProperties legal, RetentionProperties retention,
			MessagingProperties messaging, SessionsProperties sessions, NotificationsProperties notifications) {
		this.layout = layout;
		this.messages = messages;
		this.legal = legal;
		this.retention = retention;
		this.messaging = messaging;
		this.sessions = sessions;
		this.notifications = notifications;
	}

	/**
	 * The operator as the Impressum and the privacy notice show them; {@code configured}
	 * false: not filled in.
	 */
	record Operator(boolean configured, String name, List<String> address, String representative, String email,
			String phone) {

		static Operator of(LegalProperties legal) {
			return new Operator(legal.operatorConfigured(), legal.operatorName(), legal.operatorAddress(),
					legal.representative(), legal.email(), legal.phone());
		}

	}

	/**
	 * What the privacy notice says is stored and for how long, in the reader's language.
	 */
	record Storage(String session, String listings, String conversations, String mails) {
	}

	/**
	 * A section of the page in Leichte Sprache: a heading and short lines, one idea each.
	 */
	record EasySection(String heading, List<String> lines) {
	}

	@GetMapping("/impressum")
	Rendering impressum(ServerWebExchange exchange) {
		Map<String, Object> model = this.layout.model(exchange, "legal.impressum.page-title");
		model.put("operator", Operator.of(this.legal));
		return Rendering.view(IMPRESSUM_VIEW).model(model).build();
	}

	@GetMapping("/privacy")
	Rendering privacy(ServerWebExchange exchange) {
		Locale locale = Messages.localeOf(exchange);
		Map<String, Object> model = this.layout.model(exchange, "legal.privacy.page-title");
		model.put("operator", Operator.of(this.legal));
		model.put("dataProtectionOfficer", this.legal.dataProtectionOfficer());
		model.put("hasDataProtectionOfficer", !this.legal.dataProtectionOfficer().isEmpty());
		model.put("supervisoryAuthority", this.legal.supervisoryAuthority());
		model.put("storage",
				new Storage(
						this.messages.get(locale, "legal.privacy.session", words(locale, this.sessions.visitorIdle()),
								words(locale, this.sessions.memberIdle())),
						this.messages.get(locale, "legal.privacy.listings", words(locale, this.retention.purgeAfter())),
						this.messages.get(locale, "legal.privacy.conversations",
								words(locale, this.messaging.purgeAfter())),
						this.messages.get(locale, "legal.privacy.mails",
								this.notifications.digestTime().format(DateTimeFormatter.ofPattern("HH:mm")))));
		return Rendering.view(PRIVACY_VIEW).model(model).build();
	}

	@GetMapping("/easy")
	Rendering easy(ServerWebExchange exchange) {
		Locale locale = Messages.localeOf(exchange);
		Map<String, Object> model = this.layout.model(exchange, "legal.easy.page-title");
		// The buttons' own words, so the page names them as the reader sees them.
		Object[] buttons = { this.messages.get(locale, "home.need-help"), this.messages.get(locale, "home.can-help"),
				this.messages.get(locale, "report.link") };
		List<EasySection> sections = new ArrayList<>();
		for (int section = 1; section <= EASY_LINES.length; section++) {
			String prefix = "legal.easy.s" + section;
			sections.add(new EasySection(this.messages.get(locale, prefix + ".heading"),
					IntStream.rangeClosed(1, EASY_LINES[section - 1])
						.mapToObj((line) -> this.messages.get(locale, prefix + ".l" + line, buttons))
						.toList()));
		}
		model.put("sections", sections);
		if (this.legal.signLanguageVideo() != null) {
			model.put("signLanguageVideo", this.legal.signLanguageVideo().toString());
		}
		return Rendering.view(EASY_VIEW).model(model).build();
	}

	private String words(Locale locale, java.time.Duration duration) {
		return Durations.inWords(this.messages, locale, duration);
	}

	/** The day in the reader's language, e.g. "7. Dezember 2026". */
	static String date(java.time.LocalDate day, Locale locale) {
		return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
	}

}
