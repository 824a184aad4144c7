package de.pinnwand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries, checked from the bytecode: no cycle between the top-level
 * packages and no use of another module's internal types (its sub-packages unless
 * exposed). Writes the module diagram and canvases to docs/modules.
 */
class ModularityTests {

	private static final ApplicationModules modules = ApplicationModules.of(PinnwandApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		modules.verify();
	}

	/**
	 * The README's code-layout table names every module once, and nothing that is not one
	 * (folders end in /).
	 */
	@Test
	void readmeLayoutTableNamesEachModuleOnce() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		int start = readme.indexOf("### Code layout");
		assertThat(start).as("README section 'Code layout'").isNotNegative();
		String section = readme.substring(start, readme.indexOf("\n## ", start));
		Matcher row = Pattern.compile("(?m)^\\| `([a-z]+)` \\|").matcher(section);
		List<String> listed = row.results().map((found) -> found.group(1)).toList();
		List<String> names = modules.stream().map((module) -> module.getIdentifier().toString()).sorted().toList();
		assertThat(listed).as("modules in the README's code-layout table")
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(names);
	}

	@Test
	void writesTheModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}

}
