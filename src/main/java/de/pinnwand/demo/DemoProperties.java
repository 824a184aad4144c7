package de.pinnwand.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the demo content.
 *
 * @param enabled post the demo listings on start when the board is empty; for local runs
 * only
 */
@ConfigurationProperties("pinnwand.demo")
public record DemoProperties(boolean enabled) {

}
