package de.pinnwand.faults;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestMembers;
import de.pinnwand.search.SearchProperties;
import de.pinnwand.system.embedded.EmbeddedElasticsearchNode;
import de.pinnwand.system.embedded.EmbeddedMailServer;
import de.pinnwand.system.embedded.EmbeddedServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real services fail under load, as on a bad day: PostgreSQL's postmaster and
 * Elasticsearch's server are killed (SIGKILL) during 1,000 writes, Elasticsearch is
 * frozen (SIGSTOP) and thawed, the mail server's SMTP service ends. Their supervisors
 * bring them back on the same port and data, and the running app reconnects by itself: no
 * acknowledged write is lost, everything is searchable within 60 s, and while PostgreSQL
 * is away every answer is a 503 with Retry-After, never a 500. Each prints its result
 * line ({@code fault: service=...}).
 */
@PinnwandTest
class ServiceFaultTests {

	private static final int WRITES = 1000;

	private static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(60);

	@LocalServerPort
	private int port;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private SearchProperties search;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	/** Whatever a test did, Elasticsearch runs and is thawed for the tests after it. */
	@AfterEach
	void servicesRunAgain() {
		EmbeddedElasticsearchNode node = EmbeddedServices.elasticsearchNode();
		node.serverProcess().ifPresent((server) -> Signals.send(server, "CONT"));
		awaitRunning(node, Duration.ofMinutes(3));
	}

	@Test
	void postgresqlKilledDuringWritesLosesNoAcknowledgedWrite() throws Exception {
		String token = token("pg");
		List<Integer> pageAnswers = new CopyOnWriteArrayList<>();
		AtomicBoolean probing = new AtomicBoolean(true);
		FaultWrites writes = new FaultWrites(this.port, "fault-writer");
		CompletableFuture<Void> probe = new CompletableFuture<>();
		writes.run(WRITES, token, 200, () -> {
			ProcessHandle postmaster = EmbeddedServices.postgresProcess();
			postmaster.destroyForcibly();
			// Pages and the API while it is away (and until it is back): 503 with
			// Retry-After, never 500.
			try {
				while (probing.get() && pageAnswers.size() < 2000) {
					pageAnswers.add(answer("/"));
					pageAnswers.add(answer("/api/v1/listings/" + UUID.randomUUID()));
					FaultWrites.sleep(Duration.ofMillis(50));
				}
			}
			finally {
				probe.complete(null);
			}
		});
		probing.set(false);
		probe.get(60, TimeUnit.SECONDS);

		long lost = writes.acknowledged.size() - countInDatabase(writes.acknowledged);
		Duration searchable = awaitSearchable(writes.acknowledged);
		System.out.println("fault: service=postgresql writes=" + WRITES + " acknowledged=" + writes.acknowledged.size()
				+ " lost=" + lost + " recovery_seconds=" + seconds(writes.recoverySeconds()) + " searchable_seconds="
				+ seconds(searchable.toMillis() / 1000.0) + " statuses=" + writes.statuses + " page_answers="
				+ summary(pageAnswers));
		assertThat(lost).as("acknowledged writes lost").isZero();
		assertThat(writes.recoverySeconds()).as("writes succeed again without an app restart").isPositive();
		assertThat(writes.statuses.keySet()).as("answers to writes").isSubsetOf(201, 503);
		assertThat(writes.count(503)).as("writes refused while PostgreSQL was away").isPositive();
		assertThat(writes.withoutRetryAfter).as("503 without Retry-After").hasValue(0);
		assertThat(pageAnswers).as("pages and API while PostgreSQL was away")
			.contains(503)
			.doesNotContain(500)
			.allSatisfy((status) -> assertThat(status).isIn(200, 404, 503));
		assertThat(searchable).isLessThan(SEARCHABLE_WITHIN);
	}

	@Test
	void elasticsearchKilledDuringWritesLosesNothingAndCatchesUp() throws Exception {
		EmbeddedElasticsearchNode node = EmbeddedServices.elasticsearchNode();
		String token = token("es");
		FaultWrites writes = new FaultWrites(this.port, "fault-writer").run(WRITES, token, 200,
				() -> node.serverProcess().orElseThrow().destroyForcibly());
		long back = awaitRunning(node, Duration.ofMinutes(3));
		double recovery = (back - writes.faultNanos()) / 1e9;

		long lost = writes.acknowledged.size() - countInDatabase(writes.acknowledged);
		Duration searchable = awaitSearchable(writes.acknowledged);
		System.out.println("fault: service=elasticsearch writes=" + WRITES + " acknowledged="
				+ writes.acknowledged.size() + " lost=" + lost + " recovery_seconds=" + seconds(recovery)
				+ " searchable_seconds=" + seconds(searchable.toMillis() / 1000.0) + " statuses=" + writes.statuses);
		assertThat(lost).isZero();
		assertThat(writes.acknowledged).as("writes go on while Elasticsearch is away").hasSize(WRITES);
		assertThat(searchable).as("everything searchable after the node is back").isLessThan(SEARCHABLE_WITHIN);
	}

	@Test
	void elasticsearchFrozenKeepsSearchesBoundedAndWritesGoing() throws Exception {
		EmbeddedElasticsearchNode node = EmbeddedServices.elasticsearchNode();
		ProcessHandle server = node.serverProcess().orElseThrow();
		String token = token("freeze");
		Duration deadline = this.search.requestTimeout().plusSeconds(5);
		List<String> written = new ArrayList<>();
		List<Long> searchMillis = new CopyOnWriteArrayList<>();
		List<Integer> searchStatuses = new CopyOnWriteArrayList<>();
		Signals.send(server, "STOP");
		try {
			List<CompletableFuture<Void>> searches = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				searches.add(CompletableFuture.runAsync(() -> {
					long started = System.nanoTime();
					searchStatuses.add(answer("/api/v1/listings?q=" + token));
					searchMillis.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
				}));
			}
			FaultWrites writes = new FaultWrites(this.port, "fault-writer").run(20, token, Integer.MAX_VALUE, () -> {
			});
			written.addAll(writes.acknowledged);
			CompletableFuture.allOf(searches.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
			assertThat(writes.statuses.keySet()).as("writes while frozen").containsOnly(201);
		}
		finally {
			Signals.send(server, "CONT");
		}
		Duration searchable = awaitSearchable(written);
		long slowest = searchMillis.stream().mapToLong(Long::longValue).max().orElse(-1);
		System.out.println("fault: service=elasticsearch-frozen searches=" + searchStatuses.size() + " statuses="
				+ searchStatuses + " slowest_ms=" + slowest + " deadline_ms=" + deadline.toMillis() + " writes="
				+ written.size() + " searchable_seconds=" + seconds(searchable.toMillis() / 1000.0));
		assertThat(searchStatuses).as("searches while frozen").hasSize(4).containsOnly(503);
		assertThat(slowest).as("slowest search, ms").isLessThan(deadline.toMillis());
		assertThat(searchable).isLessThan(SEARCHABLE_WITHIN);
	}

	@Test
	void theMailServerComesBackOnItsPortAfterItsServiceEnded() throws Exception {
		EmbeddedMailServer mail = EmbeddedServices.mailServer();
		mail.crash();
		long crashed = System.nanoTime();
		String greeting = null;
		while (greeting == null && System.nanoTime() - crashed < Duration.ofSeconds(30).toNanos()) {
			FaultWrites.sleep(Duration.ofMillis(200));
			greeting = smtpGreeting(mail.port());
		}
		System.out.println("fault: service=smtp recovery_seconds=" + seconds((System.nanoTime() - crashed) / 1e9));
		assertThat(greeting).as("SMTP answers again on port %d", mail.port()).startsWith("220");
	}

	private static String smtpGreeting(int port) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(2000);
			InputStream in = socket.getInputStream();
			byte[] line = new byte[128];
			int read = in.read(line);
			return (read > 0) ? new String(line, 0, read, StandardCharsets.US_ASCII) : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private int answer(String path) {
		try {
			HttpResponse<Void> response = this.http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
					.timeout(Duration.ofSeconds(90))
					.build(), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isEmpty()) {
				return -503;
			}
			return response.statusCode();
		}
		catch (IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	private long countInDatabase(List<String> ids) {
		UUID[] uuids = ids.stream().map(UUID::fromString).toArray(UUID[]::new);
		return this.database.sql("select count(*) from listing where id = any(:ids)")
			.bind("ids", uuids)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(Duration.ofSeconds(30));
	}

	/**
	 * How long until Elasticsearch holds every one of the ids (counted there directly, by
	 * document id).
	 */
	private Duration awaitSearchable(List<String> ids) throws Exception {
		long started = System.nanoTime();
		String body = this.json.writeValueAsString(Map.of("query", Map.of("ids", Map.of("values", ids))));
		String url = EmbeddedServices.elasticsearchNode().url() + "/" + this.search.indexAlias() + "/_count";
		while (System.nanoTime() - started < SEARCHABLE_WITHIN.plusSeconds(30).toNanos()) {
			try {
				HttpResponse<String> count = this.http.send(HttpRequest.newBuilder(URI.create(url))
					.timeout(Duration.ofSeconds(10))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (count.statusCode() == 200 && this.json.readTree(count.body()).get("count").asLong() == ids.size()) {
					return Duration.ofNanos(System.nanoTime() - started);
				}
			}
			catch (IOException ex) {
				// not back yet
			}
			FaultWrites.sleep(Duration.ofMillis(500));
		}
		return Duration.ofNanos(System.nanoTime() - started);
	}

	/**
	 * Waits until the node's supervisor (or this call) has it running again; returns when
	 * that was.
	 */
	private static long awaitRunning(EmbeddedElasticsearchNode node, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (node.died() && System.nanoTime() < deadline) {
			FaultWrites.sleep(Duration.ofMillis(250));
		}
		if (node.died()) {
			node.start();
		}
		return System.nanoTime();
	}

	private static String token(String what) {
		TestMembers.subject("fault-writer");
		return "fault" + what + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
	}

	private static String seconds(double seconds) {
		return String.format(Locale.ROOT, "%.1f", seconds);
	}

	private static String summary(List<Integer> statuses) {
		Map<Integer, Long> counted = new TreeMap<>();
		statuses.forEach((status) -> counted.merge(status, 1L, Long::sum));
		return counted.toString();
	}

}
