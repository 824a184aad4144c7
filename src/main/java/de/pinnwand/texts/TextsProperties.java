package de.pinnwand.texts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Texts corrected in the app.
 *
 * @param refreshInterval how often each instance looks whether another one changed a text
 * (one small query); a change shows on every instance within this time
 */
@ConfigurationProperties("pinnwand.texts")
public record TextsProperties(@DefaultValue("500ms") Duration refreshInterval) {

	public TextsProperties {
		if (refreshInterval.isNegative() || refreshInterval.isZero()) {
			throw new IllegalArgumentException("pinnwand.texts.refresh-interval must be positive");
		}
	}

}
