package de.pinnwand.web;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.samskivert.mustache.Mustache;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * What every page's layout needs: language and direction, the language switcher, the CSRF
 * token for forms, and {@code {{#t}}key{{/t}}} for the interface's texts.
 */
@Component
public class Layout {

	/**
	 * The exchange attribute with the signed-in member's display name; absent for
	 * visitors.
	 */
	public static final String MEMBER_NAME = Layout.class.getName() + ".memberName";

	/**
	 * Set when the signed-in member moderates (coordinators and admins): the header links
	 * the queue.
	 */
	public static final String MEMBER_COORDINATES = Layout.class.getName() + ".coordinates";

	/** Set when the signed-in member is an admin: the header links the audit log. */
	public static final String MEMBER_ADMINISTERS = Layout.class.getName() + ".administers";

	/**
	 * Set when the signed-in member has unread messages: how many, for the header's link
	 * to the inbox.
	 */
	public static final String UNREAD_MESSAGES = Layout.class.getName() + ".unreadMessages";

	/**
	 * The signed-in member's number of unread notices (a {@code Long}); the header shows
	 * it next to the link.
	 */
	public static final String MEMBER_UNREAD_NOTICES = Layout.class.getName() + ".unreadNotices";

	/**
	 * The exchange attribute with the header's sign-in link, which names the current page
	 * to come back to; set by the accounts feature, absent where no sign-in applies.
	 */
	public static final String SIGN_IN_HREF = Layout.class.getName() + ".signInHref";

	/** Where the header's sign-in link goes when no page to return to is known. */
	private static final String SIGN_IN = "/oauth2/authorization/pinnwand";

	private final Messages messages;

	/** Where one sentence ends and the next begins, in the interface's scripts. */
	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?؟۔])\\s+");

	private final Supplier<LanguageReviews> reviews;

	@Autowired
	Layout(Messages messages, ObjectProvider<LanguageReviews> reviews) {
		this.messages = messages;
		this.reviews = reviews::getIfAvailable;
	}

	/** For the error pages, which build their own helpers: without review notes. */
	Layout(Messages messages) {
		this.messages = messages;
		this.reviews = () -> null;
	}

	/**
	 * A link of the language switcher; {@code reviewed}, when a native speaker checked
	 * that language's texts, says so in that language.
	 */
	public record LanguageLink(String code, String name, String href, boolean current, String reviewed) {
	}

	/** The layout's model for a page titled by the message {@code titleKey}. */
	public Map<String, Object> model(ServerWebExchange exchange, String titleKey) {
		Locale locale = Messages.localeOf(exchange);
		Map<String, Object> model = new HashMap<>();
		model.put("lang", InterfaceLanguages.codeOf(locale));
		model.put("dir", InterfaceLanguages.isRightToLeft(locale) ? "rtl" : "ltr");
		model.put("title", this.messages.get(locale, titleKey));
		model.put("t", (Mustache.Lambda) (fragment, out) -> out
			.write(HtmlUtils.htmlEscape(this.messages.get(locale, fragment.execute().strip()))));
		// A text of several short sentences as a list, one sentence an item (each
		// escaped): easier to read for people
		// with little German than one paragraph.
		model.put("points", (Mustache.Lambda) (fragment, out) -> {
			for (String sentence : SENTENCE_END.split(this.messages.get(locale, fragment.execute().strip()).strip())) {
				out.write("<li>" + HtmlUtils.htmlEscape(sentence) + "</li>");
			}
		});
		model.put("languages", languageLinks(exchange, locale));
		String signIn = exchange.getAttribute(SIGN_IN_HREF);
		model.put("signInHref", (signIn != null) ? signIn : SIGN_IN);
		String memberName = exchange.getAttribute(MEMBER_NAME);
		if (memberName != null) {
			model.put("memberName", memberName);
		}
		model.put("coordinates", Boolean.TRUE.equals(exchange.getAttribute(MEMBER_COORDINATES)));
		model.put("administers", Boolean.TRUE.equals(exchange.getAttribute(MEMBER_ADMINISTERS)));
		Long unread = exchange.getAttribute(UNREAD_MESSAGES);
		if (unread != null) {
			model.put("unreadMessages", this.messages.get(locale, "conversations.unread", unread));
		}
		Long unreadNotices = exchange.getAttribute(MEMBER_UNREAD_NOTICES);
		if (unreadNotices != null && unreadNotices > 0) {
			model.put("unreadNotices", this.messages.get(locale, "layout.notifications.unread", unreadNotices));
		}
		Mono<CsrfToken> csrf = exchange.getAttribute(CsrfToken.class.getName());
		if (csrf != null) {
			model.put("_csrf", csrf);
		}
		return model;
	}

	/**
	 * For pages with a search form of their own (home, search): the header leaves its
	 * search box out.
	 */
	public static void ownSearch(Map<String, Object> model) {
		model.put("pageSearch", Boolean.TRUE);
	}

	/**
	 * For pages with a form a person fills in: the language switcher becomes buttons of
	 * that form, so switching the language posts what was typed to {@code action} (with
	 * {@code ui} set and {@code switchLanguage} named), and the page's handler shows the
	 * form again, filled, in the new language, instead of an empty one.
	 */
	public static void keepOnLanguageSwitch(Map<String, Object> model, String formId, String action) {
		model.put("keepForm", formId);
		model.put("keepAction", action);
		model.put("keepField", SWITCH_LANGUAGE);
	}

	/**
	 * The form field a language switch on a filled form sends (see
	 * {@link #keepOnLanguageSwitch}).
	 */
	public static final String SWITCH_LANGUAGE = "switchLanguage";

	private List<LanguageLink> languageLinks(ServerWebExchange exchange, Locale current) {
		LanguageReviews known = this.reviews.get();
		return InterfaceLanguages.CODES.stream().map((code) -> {
			String href = UriComponentsBuilder.fromPath(exchange.getRequest().getPath().value())
				.queryParams(exchange.getRequest().getQueryParams())
				.replaceQueryParam(InterfaceLanguages.PARAMETER, code)
				.encode()
				.build()
				.toUriString();
			Locale language = Locale.forLanguageTag(code);
			String reviewed = (known == null) ? null
					: known.reviewedOn(code)
						.map((day) -> this.messages.get(language, "texts.reviewed",
								DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language).format(day)))
						.orElse(null);
			return new LanguageLink(code, this.messages.get(language, "language.self"), href,
					code.equals(InterfaceLanguages.codeOf(current)), reviewed);
		}).toList();
	}

}
