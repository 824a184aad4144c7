package de.pinnwand.moderation;

import java.util.Locale;
import java.util.UUID;

import de.pinnwand.accounts.Account;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.web.InterfaceLanguages;
import de.pinnwand.web.Messages;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What a coordinator's decision says to the author, in a language of the author's
 * choosing. Other modules use it to tell an author in <em>their</em> interface language
 * (the one stored in their account), not in the language of whoever happens to trigger
 * the telling: e.g. a notice mail rendered from {@link ListingDecided} through
 * {@link #explain(ListingDecided)}.
 */
@Component
public class DecisionTexts {

	private final Messages messages;

	private final AccountService accounts;

	private final DatabaseClient database;

	private final ReasonTexts reasons;

	DecisionTexts(Messages messages, AccountService accounts, DatabaseClient database, ReasonTexts reasons) {
		this.reasons = reasons;
		this.messages = messages;
		this.accounts = accounts;
		this.database = database;
	}

	/**
	 * The text of a reason code in a language, e.g. 'Commercial offer', as coordinators
	 * last edited it.
	 */
	public String reason(String reasonCode, Locale locale) {
		return this.reasons.text(reasonCode, locale);
	}

	/**
	 * The decision as its author reads it, e.g. 'Rejected: Commercial offer'; the note
	 * only when changes were asked for, the one time it is meant for the author. Empty
	 * text for an approval, which needs no explaining.
	 * @param decision the decision's name ({@link Decision#name()})
	 * @param reasonCode the reason given; null for none
	 * @param note the coordinator's note; null for none
	 */
	public String explain(String decision, String reasonCode, String note, Locale locale) {
		if (decision == null || Decision.APPROVE.name().equals(decision)) {
			return "";
		}
		String reason = (reasonCode != null) ? reason(reasonCode, locale) : null;
		String shown = Decision.ASK_FOR_CHANGES.name().equals(decision) ? note : null;
		String detail = (reason != null && shown != null) ? reason + " – " + shown : (reason != null) ? reason : shown;
		return this.messages.get(locale, "mine.decision." + decision.toLowerCase(Locale.ROOT),
				(detail != null) ? detail : "");
	}

	/**
	 * The interface language a member stored in their account; empty when they chose none
	 * (then the language of their request, or German for a mail, is the one to use) or
	 * the account is gone.
	 */
	public Mono<Locale> languageOf(UUID accountId) {
		if (accountId == null) {
			return Mono.empty();
		}
		return this.accounts.account(accountId)
			.mapNotNull(Account::interfaceLanguage)
			.filter(InterfaceLanguages.CODES::contains)
			.map(Locale::forLanguageTag);
	}

	/**
	 * The language to tell a member in: the one in their account, else {@code fallback}.
	 */
	public Mono<Locale> languageOf(UUID accountId, Locale fallback) {
		return languageOf(accountId).defaultIfEmpty((fallback != null) ? fallback : Locale.GERMAN);
	}

	/**
	 * The decision as its author reads it, in the author's stored interface language
	 * (German when they chose none); empty when the author's account is gone or the
	 * decision was an approval.
	 */
	public Mono<String> explain(ListingDecided decided) {
		if (decided.authorAccountId() == null || decided.decision() == Decision.APPROVE) {
			return Mono.empty();
		}
		return languageOf(decided.authorAccountId(), Locale.GERMAN)
			.zipWith(this.database
				.sql("select decision, reason_code, note from moderation_decision where listing_id = :listing")
				.bind("listing", decided.listingId())
				.map((row,
						meta) -> new String[] { row.get("decision", String.class), row.get("reason_code", String.class),
								row.get("note", String.class) })
				.one())
			.map((both) -> explain(both.getT2()[0], both.getT2()[1], both.getT2()[2], both.getT1()));
	}

}
