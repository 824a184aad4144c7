package de.pinnwand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Pinnwand: the digital notice board for a town's or county's refugee help. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PinnwandApplication {

	public static void main(String[] args) {
		SpringApplication.run(PinnwandApplication.class, args);
	}

}
