package de.pinnwand.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a missing deployment setting into Boot's short start-failure report, without a
 * stack trace.
 */
class ConfigurationMissingAnalyzer extends AbstractFailureAnalyzer<ConfigurationMissing> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationMissing cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set " + cause.property() + " (docker/README.md lists every setting of a deployment).", cause);
	}

}
