package de.pinnwand.texts;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The texts the message bundles ship, per language, as the interface falls back: the
 * language's own file over the German one, for each basename
 * ({@code spring.messages.basename}). Which keys exist is the German bundles' set; a
 * language exists when one of its files does.
 */
@Component
public class Bundles {

	/** The basenames the interface reads (as in {@code spring.messages.basename}). */
	static final List<String> BASENAMES = List.of("messages", "legal");

	private final Map<String, Map<String, String>> shipped = new ConcurrentHashMap<>();

	/**
	 * Whether the interface has this language ({@code de}, {@code ar}, {@code fa-AF}, …).
	 */
	public boolean exists(String language) {
		if ("de".equals(language)) {
			return true;
		}
		if (language == null || !language.matches("[a-z]{2,3}(-[A-Z]{2})?")) {
			return false;
		}
		return BASENAMES.stream().anyMatch((base) -> new ClassPathResource(file(base, language)).exists());
	}

	/**
	 * The shipped texts of a language by key, sorted; German where the language's own
	 * file lacks one.
	 */
	Map<String, String> shipped(String language) {
		return this.shipped.computeIfAbsent(language, (code) -> {
			Map<String, String> texts = new TreeMap<>();
			for (String base : BASENAMES) {
				load(base + ".properties").forEach((key, value) -> texts.put(key.toString(), value.toString()));
				if (code.contains("-")) {
					load(file(base, code.substring(0, code.indexOf('-'))))
						.forEach((key, value) -> texts.put(key.toString(), value.toString()));
				}
				if (!"de".equals(code)) {
					load(file(base, code)).forEach((key, value) -> texts.put(key.toString(), value.toString()));
				}
			}
			return Map.copyOf(texts);
		});
	}

	private static String file(String base, String language) {
		return base + "_" + language.replace('-', '_') + ".properties";
	}

	private static Properties load(String name) {
		Properties properties = new Properties();
		ClassPathResource resource = new ClassPathResource(name);
		if (!resource.exists()) {
			return properties;
		}
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
