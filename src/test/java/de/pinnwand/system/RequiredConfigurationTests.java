package de.pinnwand.system;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside the local run, a missing service address stops the start with one line that
 * names it.
 */
class RequiredConfigurationTests {

	@Test
	void namesTheFirstMissingProperty() {
		Map<String, Object> settings = complete();
		settings.remove("pinnwand.accounts.issuer-uri");
		assertThatThrownBy(() -> RequiredConfiguration.check(environment(settings)))
			.isInstanceOf(ConfigurationMissing.class)
			.hasMessageStartingWith("Pinnwand cannot start: pinnwand.accounts.issuer-uri is not set")
			.hasMessageContaining("PINNWAND_ACCOUNTS_ISSUERURI")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n"));
	}

	@Test
	void takesABlankValueForAMissingOne() {
		Map<String, Object> settings = complete();
		settings.put("spring.mail.host", " ");
		assertThatThrownBy(() -> RequiredConfiguration.check(environment(settings)))
			.hasMessageContaining("spring.mail.host");
	}

	@Test
	void startsWhenEverythingIsSetOrTheDevelopmentServicesStandIn() {
		assertThatNoException().isThrownBy(() -> RequiredConfiguration.check(environment(complete())));
		assertThatNoException().isThrownBy(() -> RequiredConfiguration
			.check(environment(new HashMap<>(Map.of(RequiredConfiguration.DEVELOPMENT_SERVICES, "true")))));
	}

	private static Map<String, Object> complete() {
		Map<String, Object> settings = new HashMap<>();
		RequiredConfiguration.REQUIRED.keySet().forEach((name) -> settings.put(name, "set"));
		return settings;
	}

	private static StandardEnvironment environment(Map<String, Object> settings) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
		return environment;
	}

}
