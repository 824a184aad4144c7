package de.pinnwand.search;

/**
 * A rebuild of the search index was asked for while another one runs (on this instance or
 * another): the operator gets the running one's state (409) instead of a second rebuild
 * that would race it.
 */
class RebuildRunning extends RuntimeException {

	private final SearchRebuilds.Running running;

	RebuildRunning(SearchRebuilds.Running running) {
		super("A rebuild of the search index is running: " + running.index());
		this.running = running;
	}

	SearchRebuilds.Running running() {
		return this.running;
	}

}
