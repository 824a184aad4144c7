package de.pinnwand.search;

import de.pinnwand.matching.MatchingProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sizes of batches and candidate lists must be positive: zero would fail only later, in
 * the middle of a rebuild.
 */
class SettingsValidationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void defaultsArePositive() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(SearchProperties.class).rebuildBatchSize()).isEqualTo(2000);
			assertThat(context.getBean(SearchProperties.class).rebuildConcurrency()).isEqualTo(3);
			assertThat(context.getBean(MatchingProperties.class).candidates()).isEqualTo(100);
		});
	}

	@Test
	void refusesZeroOrNegativeSizes() {
		this.runner.withPropertyValues("pinnwand.search.rebuild-batch-size=0")
			.run((context) -> assertThat(context).hasFailed());
		this.runner.withPropertyValues("pinnwand.search.rebuild-concurrency=-1")
			.run((context) -> assertThat(context).hasFailed());
		this.runner.withPropertyValues("pinnwand.matching.candidates=0")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ SearchProperties.class, MatchingProperties.class })
	static class Settings {

	}

}
