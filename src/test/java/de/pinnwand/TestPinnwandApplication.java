package de.pinnwand;

import org.springframework.boot.SpringApplication;

/**
 * The local run ({@code ./mvnw spring-boot:test-run}): Pinnwand with its development
 * services (embedded PostgreSQL, Elasticsearch, sign-in provider and mail server,
 * {@code de.pinnwand.system.embedded}) and the {@code local} profile's demo content. The
 * services live in the test tree so that the production jar carries none of them.
 */
public final class TestPinnwandApplication {

	private TestPinnwandApplication() {
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(PinnwandApplication.class);
		application.setAdditionalProfiles("local");
		try {
			application.run(args);
		}
		catch (RuntimeException ex) {
			// Boot has logged why. The development services keep threads and processes of
			// their own that would hold
			// the JVM: exit, so that the shutdown hooks stop them and nothing is left
			// running.
			System.exit(1);
		}
	}

}
