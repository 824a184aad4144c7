package de.pinnwand.notifications;

import java.time.Duration;
import java.time.LocalTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unsubscribe link's token: only this key's tokens name an account, whatever else
 * arrives.
 */
class UnsubscribeTokensTests {

	private static NotificationsProperties properties(String secret) {
		return new NotificationsProperties("http://localhost:8080", "Pinnwand <pinnwand@localhost>", LocalTime.of(7, 0),
				3, 6, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofMinutes(1),
				secret);
	}

	@Test
	void namesTheAccountItWasMadeFor() {
		UnsubscribeTokens tokens = new UnsubscribeTokens(properties("ein-langes-geheimnis"));
		UUID account = UUID.randomUUID();
		assertThat(tokens.accountOf(tokens.tokenFor(account))).contains(account);
		assertThat(new UnsubscribeTokens(properties("ein-langes-geheimnis")).accountOf(tokens.tokenFor(account)))
			.as("the same secret after a restart")
			.contains(account);
	}

	@Test
	void refusesTokensOfAnotherKeyAndAnythingElse() {
		UUID account = UUID.randomUUID();
		String token = new UnsubscribeTokens(properties("ein-langes-geheimnis")).tokenFor(account);
		assertThat(new UnsubscribeTokens(properties("ein-anderes-geheimnis")).accountOf(token)).isEmpty();
		assertThat(new UnsubscribeTokens(properties(null)).accountOf(token)).as("a random key per start").isEmpty();
		UnsubscribeTokens tokens = new UnsubscribeTokens(properties("ein-langes-geheimnis"));
		for (String bad : new String[] { null, "", "x", "%%%", token + "A", token.substring(1), "A".repeat(64),
				"A".repeat(500) }) {
			assertThat(tokens.accountOf(bad)).as(String.valueOf(bad)).isEmpty();
		}
		// Another account's id with this account's signature.
		String other = tokens.tokenFor(UUID.randomUUID());
		assertThat(tokens.accountOf(other.substring(0, 22) + token.substring(22))).isEmpty();
	}

}
