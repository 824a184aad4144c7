package de.pinnwand.accounts.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The way back after signing in goes only to a page of this site, never elsewhere or into
 * a loop.
 */
class ReturnAfterSignInTests {

	@ParameterizedTest
	@ValueSource(strings = { "/search?q=Fahrrad&topic=language-learning", "/listings/new?kind=REQUEST", "/",
			"/search?q=%D9%83%D8%AA%D8%A8" })
	void takesARelativePathOfThisSite(String path) {
		assertThat(ReturnAfterSignIn.safe(path)).contains(path);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/search?q=Kodiertest%20%D9%85", "/listings/new?kind=REQUEST" })
	void carriesThePathUnchangedThroughTheLink(String path) {
		assertThat(ReturnAfterSignIn.token(path)).matches("[A-Za-z0-9_-]+");
		assertThat(ReturnAfterSignIn.fromToken(ReturnAfterSignIn.token(path))).contains(path);
		assertThat(ReturnAfterSignIn.fromToken("not base64!")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example/", "//evil.example/x", "/\\evil.example", "evil", "",
			"javascript:alert(1)", "/oauth2/authorization/pinnwand", "/login?error", "/logout", "/a b", "/x#y",
			"/x\r\nSet-Cookie: a=b" })
	void refusesEverythingElse(String path) {
		assertThat(ReturnAfterSignIn.safe(path)).isEmpty();
	}

}
