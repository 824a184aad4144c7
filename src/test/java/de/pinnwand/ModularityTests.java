package de.pinnwand;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries, checked from the bytecode: no cycle between the top-level packages and no use of another
 * module's internal types (its sub-packages unless exposed). Writes the module diagram and canvases to docs/modules.
 */
class ModularityTests {

	private static final ApplicationModules modules = ApplicationModules.of(PinnwandApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesTheModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}

}
