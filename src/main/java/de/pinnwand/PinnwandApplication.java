package de.pinnwand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Pinnwand: the digital notice board for a town's or county's refugee help. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PinnwandApplication {

	public static void main(String[] args) {
		try {
			SpringApplication.run(PinnwandApplication.class, args);
		}
		catch (RuntimeException ex) {
			// Boot has logged why. Threads that were started before the failure (pools,
			// clients) must not hold the JVM:
			// exit, so that the shutdown hooks run and nothing is left running.
			System.exit(1);
		}
	}

}
