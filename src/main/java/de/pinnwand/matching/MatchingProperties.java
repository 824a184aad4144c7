package de.pinnwand.matching;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How matches are found.
 *
 * @param candidates how many of the nearest listings that pass the hard rules (other kind, shared topic and
 * language, within reach) are ranked for a listing; fewer is faster, more lets a better fit farther away in
 */
@ConfigurationProperties("pinnwand.matching")
@Validated
public record MatchingProperties(@DefaultValue("100") @Positive int candidates) {

}
