package de.pinnwand.moderation;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of moderation.
 *
 * @param premoderateNewMembers whether listings of members without trust wait for review
 * before they go up
 * @param trustedAfterApproved how many approved listings make a member trusted: they
 * publish directly
 * @param reportThreshold after how many independent reports a listing is taken down for
 * review
 * @param decisionReasons the codes a coordinator gives for a rejection or closing, each
 * with a text {@code moderation.reason.<code>} in every message bundle
 * @param reportReasons the codes a reader reports a listing for, each with a text
 * {@code report.reason.<code>}
 * @param addressSalt salt of the hashes that stand for visitors' addresses, from the
 * environment; when unset a random one per start (reports before a restart then count
 * apart)
 * @param reasonTextsRefresh how often the reasons' texts are read again, so that an edit
 * on one instance shows on all of them
 */
@ConfigurationProperties("pinnwand.moderation")
public record ModerationProperties(@DefaultValue("true") boolean premoderateNewMembers,
		@DefaultValue("1") int trustedAfterApproved, @DefaultValue("3") int reportThreshold, @DefaultValue( {
				"spam", "commercial", "personal-data", "inappropriate", "duplicate",
				"not-local" }) List<String> decisionReasons,
		@DefaultValue({ "spam", "inappropriate", "personal-data", "fraud", "other" }) List<String> reportReasons,
		String addressSalt, @DefaultValue("500ms") Duration reasonTextsRefresh){

}
