package de.pinnwand.system;

/** A property without which the portal cannot run in a deployment is not set. */
public class ConfigurationMissing extends IllegalStateException {

	private final String property;

	ConfigurationMissing(String property, String purpose) {
		super("Pinnwand cannot start: " + property + " is not set (" + purpose + "). Set it, or the environment "
				+ "variable " + environmentName(property) + "; for a local trial run ./mvnw spring-boot:test-run.");
		this.property = property;
	}

	/** The property that is missing. */
	public String property() {
		return this.property;
	}

	static String environmentName(String property) {
		return property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace("-", "");
	}

}
