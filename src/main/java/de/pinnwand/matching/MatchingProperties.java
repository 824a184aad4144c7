package de.pinnwand.matching;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How matches are found.
 *
 * @param candidates how many of the nearest listings that pass the hard rules (other kind, shared topic and
 * language, within reach) are ranked for a listing; fewer is faster, more lets a better fit farther away in
 */
@ConfigurationProperties("pinnwand.matching")
public record MatchingProperties(@DefaultValue("100") int candidates) {

}
