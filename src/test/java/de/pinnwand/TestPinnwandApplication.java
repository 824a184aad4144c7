package de.pinnwand;

import org.springframework.boot.SpringApplication;

/**
 * The local run ({@code ./mvnw spring-boot:test-run}): Pinnwand with its development services (embedded PostgreSQL,
 * Elasticsearch, sign-in provider and mail server, {@code de.pinnwand.system.embedded}) and the {@code local}
 * profile's demo content. The services live in the test tree so that the production jar carries none of them.
 */
public final class TestPinnwandApplication {

	private TestPinnwandApplication() {
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(PinnwandApplication.class);
		application.setAdditionalProfiles("local");
		application.run(args);
	}

}
