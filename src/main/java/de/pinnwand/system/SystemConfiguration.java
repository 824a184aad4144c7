package de.pinnwand.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every feature shares. */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

	/** One clock for the app, so tests can reason about time. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
