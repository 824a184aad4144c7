package de.pinnwand.system;

import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Work that runs for as long as the app does (the index relay, the expiry sweep): started
 * with the application context, stopped before it closes, so nothing runs against
 * services that are shutting down.
 */
public abstract class BackgroundLoop implements SmartLifecycle {

	private volatile Disposable running;

	/** The work, as a flux that never ends by itself and deals with its own errors. */
	protected abstract Flux<?> loop();

	@Override
	public void start() {
		this.running = loop().subscribe();
	}

	@Override
	public void stop() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
		}
		this.running = null;
	}

	@Override
	public boolean isRunning() {
		Disposable current = this.running;
		return current != null && !current.isDisposed();
	}

}
