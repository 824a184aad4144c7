package de.pinnwand.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import de.pinnwand.TestListings;
import de.pinnwand.TestMembers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts listings through the API from a few parallel clients, as members would, and keeps
 * what the app said about each: the ids it acknowledged (201), the answers by status, and
 * when the first write succeeded after a fault. A client told to come back later (503)
 * waits a moment before its next write, as a polite client does.
 */
final class FaultWrites {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final int CLIENTS = 4;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	private final String member;

	/** The ids of the listings the app answered 201 for. */
	final List<String> acknowledged = new CopyOnWriteArrayList<>();

	/** Answers by status; 0 for a request that got no answer in time. */
	final Map<Integer, AtomicInteger> statuses = new ConcurrentSkipListMap<>();

	/** Every 503 that came without Retry-After. */
	final AtomicInteger withoutRetryAfter = new AtomicInteger();

	private final AtomicLong faultAt = new AtomicLong();

	private final AtomicLong recoveredAt = new AtomicLong();

	private final AtomicBoolean faulted = new AtomicBoolean();

	FaultWrites(int port, String member) {
		this.port = port;
		this.member = member;
	}

	/**
	 * Makes {@code count} writes titled with {@code token}; once {@code faultAfter} of
	 * them were acknowledged, {@code fault} runs (once, on its own thread, while the
	 * writes go on).
	 */
	FaultWrites run(int count, String token, int faultAfter, Runnable fault) throws InterruptedException {
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		AtomicInteger next = new AtomicInteger();
		for (int c = 0; c < CLIENTS; c++) {
			clients.submit(() -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					if (this.acknowledged.size() >= faultAfter && this.faulted.compareAndSet(false, true)) {
						Thread faulting = new Thread(() -> {
							this.faultAt.set(System.nanoTime());
							fault.run();
						}, "fault");
						faulting.start();
					}
					write(token + " " + i);
				}
			});
		}
		clients.shutdown();
		if (!clients.awaitTermination(5, TimeUnit.MINUTES)) {
			clients.shutdownNow();
			throw new AssertionError("The writes did not end within 5 minutes");
		}
		return this;
	}

	private void write(String title) {
		long started = System.nanoTime();
		int status;
		try {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/listings"))
					.timeout(Duration.ofSeconds(60))
					.header("Authorization", "Bearer " + TestMembers.token(this.member))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(TestListings.offer(title))))
					.build(), HttpResponse.BodyHandlers.ofString());
			status = response.statusCode();
			if (status == 201) {
				JsonNode body = json.readTree(response.body());
				this.acknowledged.add(body.get("id").asString());
				long fault = this.faultAt.get();
				if (fault != 0 && started > fault) {
					this.recoveredAt.compareAndSet(0, System.nanoTime());
				}
			}
			if (status == 503 && response.headers().firstValue("Retry-After").isEmpty()) {
				this.withoutRetryAfter.incrementAndGet();
			}
		}
		catch (IOException ex) {
			status = 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		this.statuses.computeIfAbsent(status, (key) -> new AtomicInteger()).incrementAndGet();
		if (status == 503 || status == 0) {
			sleep(Duration.ofMillis(200));
		}
	}

	/**
	 * Seconds from the fault to the first write that began after it and was acknowledged;
	 * -1 if none was.
	 */
	double recoverySeconds() {
		long fault = this.faultAt.get();
		long recovered = this.recoveredAt.get();
		return (fault == 0 || recovered == 0) ? -1 : (recovered - fault) / 1e9;
	}

	long faultNanos() {
		return this.faultAt.get();
	}

	int count(int status) {
		AtomicInteger counted = this.statuses.get(status);
		return (counted != null) ? counted.get() : 0;
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
