package de.pinnwand.notifications;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import de.pinnwand.accounts.Account;
import de.pinnwand.system.PortalZone;
import de.pinnwand.web.InterfaceLanguages;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes a mail for notices: one notice at once, or the digest of several. Plain text and
 * a simple HTML part with the same content (every value escaped), in the recipient's
 * interface language, with absolute links and the unsubscribe link.
 */
@Component
class NotificationMails {

	static final ZoneId ZONE = PortalZone.ZONE;

	private final NotificationTexts texts;

	private final NotificationsProperties properties;

	private final UnsubscribeTokens tokens;

	NotificationMails(NotificationTexts texts, NotificationsProperties properties, UnsubscribeTokens tokens) {
		this.texts = texts;
		this.properties = properties;
		this.tokens = tokens;
	}

	/** A mail ready to send. */
	record Mail(String to, String subject, String text, String html, String unsubscribeUrl) {
	}

	Mail write(Account account, List<Notification> notices, boolean digest, Instant now) {
		Locale locale = NotificationTexts.localeOf(account.interfaceLanguage());
		String subject = digest
				? this.texts.get(locale, "notifications.mail.digest-subject", notices.size(),
						NotificationTexts.date(now.atZone(ZONE).toLocalDate().toString(), locale))
				: this.texts.line(notices.get(0), locale);
		String unsubscribe = this.properties
			.absolute("/notifications/unsubscribe?token=" + this.tokens.tokenFor(account.id()));
		String settings = this.properties.absolute("/my/account");
		String all = this.properties.absolute("/my/notifications");
		String greeting = this.texts.get(locale, "notifications.mail.greeting", account.displayName());
		String intro = this.texts.get(locale, digest ? "notifications.mail.digest-intro" : "notifications.mail.intro");
		String why = this.texts.get(locale, "notifications.mail.why");
		String unsubscribeLabel = this.texts.get(locale, "notifications.mail.unsubscribe");
		String settingsLabel = this.texts.get(locale, "notifications.mail.settings");
		String allLabel = this.texts.get(locale, "notifications.mail.all");

		StringBuilder text = new StringBuilder();
		text.append(greeting).append("\n\n").append(intro).append("\n\n");
		for (Notification notice : notices) {
			text.append("* ")
				.append(this.texts.line(notice, locale))
				.append("\n  ")
				.append(this.properties.absolute(notice.link()))
				.append("\n");
		}
		text.append("\n")
			.append(allLabel)
			.append(": ")
			.append(all)
			.append("\n\n-- \n")
			.append(why)
			.append("\n")
			.append(settingsLabel)
			.append(": ")
			.append(settings)
			.append("\n")
			.append(unsubscribeLabel)
			.append(": ")
			.append(unsubscribe)
			.append("\n");

		String dir = InterfaceLanguages.isRightToLeft(locale) ? "rtl" : "ltr";
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html><html lang=\"")
			.append(esc(InterfaceLanguages.codeOf(locale)))
			.append("\" dir=\"")
			.append(dir)
			.append("\"><head><meta charset=\"utf-8\"><title>")
			.append(esc(subject))
			.append("</title></head><body>")
			.append("<p>")
			.append(esc(greeting))
			.append("</p><p>")
			.append(esc(intro))
			.append("</p><ul>");
		for (Notification notice : notices) {
			html.append("<li><a href=\"")
				.append(esc(this.properties.absolute(notice.link())))
				.append("\" dir=\"auto\">")
				.append(esc(this.texts.line(notice, locale)))
				.append("</a></li>");
		}
		html.append("</ul><p><a href=\"")
			.append(esc(all))
			.append("\">")
			.append(esc(allLabel))
			.append("</a></p>")
			.append("<hr><p><small>")
			.append(esc(why))
			.append("<br><a href=\"")
			.append(esc(settings))
			.append("\">")
			.append(esc(settingsLabel))
			.append("</a> · <a href=\"")
			.append(esc(unsubscribe))
			.append("\">")
			.append(esc(unsubscribeLabel))
			.append("</a></small></p></body></html>");
		return new Mail(account.contactEmail(), subject, text.toString(), html.toString(), unsubscribe);
	}

	private static String esc(String value) {
		return HtmlUtils.htmlEscape(value, "UTF-8");
	}

}
