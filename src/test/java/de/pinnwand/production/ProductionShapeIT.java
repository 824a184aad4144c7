package de.pinnwand.production;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import de.pinnwand.TestMembers;
import de.pinnwand.browser.Browser;
import de.pinnwand.system.embedded.DeploymentServices;
import de.pinnwand.testing.TlsProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production shape, run for real: the packaged jar as its own process, configured
 * only through the environment variables a deployment sets, against PostgreSQL,
 * Elasticsearch, Keycloak and an SMTP server as external services, behind Debian's nginx
 * terminating TLS. A person signs in through the proxy in Chromium, posts a listing,
 * finds it, gets an answer by mail, and signs out; headers and the health endpoints are
 * what a visitor may see; the logs are JSON without anyone's address.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionShapeIT {

	@RegisterExtension
	static final Browser browser = new Browser(List.of("--ignore-certificate-errors"));

	static final String POSTER = "shape-poster";

	static final String ANSWERER = "shape-answerer";

	static final String ADMIN = "shape-admin";

	static final String POSTER_MAIL = "shape-poster@pinnwand.example";

	private static DeploymentServices services;

	private static TlsProxy proxy;

	private static Process app;

	private static Path log;

	private static HttpClient http;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String WORD = "Schaukelpferd" + UUID.randomUUID().toString().substring(0, 6);

	@BeforeAll
	static void deploy() throws Exception {
		Path data = Path.of(System.getProperty("pinnwand.data-dir", "target/it-data")).resolve("production-shape");
		int appPort = TlsProxy.freePort();
		proxy = TlsProxy.start(appPort);
		services = DeploymentServices.start(data.resolve("services"), proxy.url());
		http = HttpClient.newBuilder().sslContext(proxy.trust()).followRedirects(HttpClient.Redirect.NEVER).build();
		TestMembers.subject(POSTER);
		TestMembers.subject(ANSWERER);
		services.keycloak().admin().ensureMember(ADMIN, services.memberPassword(), List.of("admins"));

		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-jar", ProductionJarIT.jar().toString());
		builder.environment().keySet().removeIf((name) -> name.startsWith("SPRING_") || name.startsWith("PINNWAND_"));
		builder.environment().putAll(services.appEnvironment());
		builder.environment()
			.putAll(Map.of("SERVER_PORT", String.valueOf(appPort), "PINNWAND_PUBLIC_URL", proxy.url(),
					"PINNWAND_TRUSTED_PROXIES", "127.0.0.1", "PINNWAND_DATA_DIR", data.resolve("app").toString(),
					"LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs", "PINNWAND_MODERATION_PREMODERATE_NEW_MEMBERS",
					"false"));
		log = Files.createTempFile("pinnwand-production-", ".log");
		app = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
		while (!ready(appPort)) {
			assertThat(app.isAlive()).as("the app is running: %s", tail()).isTrue();
			assertThat(System.nanoTime()).as("ready within 4 minutes: %s", tail()).isLessThan(deadline);
			Thread.sleep(500);
		}
	}

	@AfterAll
	static void undeploy() throws Exception {
		if (app != null) {
			app.destroy();
			if (!app.waitFor(30, TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
		}
		if (proxy != null) {
			proxy.close();
		}
		if (services != null) {
			services.stop();
		}
		if (log != null) {
			Files.deleteIfExists(log);
		}
	}

	@Test
	@Order(1)
	void answersThroughTheProxyWithTheHeadersOfAPublicSite() throws Exception {
		HttpResponse<String> home = get("/", Map.of());
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.headers().firstValue("Strict-Transport-Security")).as("over https").isPresent();
		assertThat(home.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("frame-ancestors 'none'");
		assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(home.body()).doesNotContain("localhost:" + "8080");
		HttpResponse<String> start = get("/oauth2/authorization/pinnwand", Map.of());
		assertThat(start.statusCode()).isEqualTo(302);
		String location = java.net.URLDecoder.decode(start.headers().firstValue("Location").orElseThrow(),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(location).contains("redirect_uri=" + proxy.url() + "/login/oauth2/code/pinnwand");
	}

	@Test
	@Order(2)
	void showsHealthDetailsToAdminsOnly() throws Exception {
		JsonNode visitor = json.readTree(get("/actuator/health", Map.of()).body());
		assertThat(visitor.path("status").asString()).isEqualTo("UP");
		assertThat(visitor.has("components")).isFalse();
		JsonNode admin = json
			.readTree(get("/actuator/health", Map.of("Authorization", "Bearer " + TestMembers.token(ADMIN))).body());
		assertThat(admin.path("components").path("r2dbc").path("status").asString()).isEqualTo("UP");
		assertThat(admin.path("components").path("elasticsearch").path("status").asString()).isEqualTo("UP");
		assertThat(get("/actuator/health/readiness", Map.of()).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/liveness", Map.of()).statusCode()).isEqualTo(200);
	}

	@Test
	@Order(3)
	void signsInPostsFindsHearsAnAnswerAndSignsOut() throws Exception {
		try {
			journey();
		}
		catch (RuntimeException | AssertionError ex) {
			// What the browser showed, for whoever reads the failure.
			Files.writeString(Path.of("target", "production-shape-page.html"),
					browser.driver().getCurrentUrl() + "\n" + browser.driver().getPageSource());
			throw ex;
		}
	}

	private void journey() throws Exception {
		// The poster wants mails at once; the address stays private (the API sets it as
		// the profile page would).
		HttpResponse<String> profile = send("PUT", "/api/v1/me", TestMembers.token(POSTER), """
				{"displayName":"Shape Poster","languages":["de"],"contactEmail":"%s","emailNotifications":"IMMEDIATELY"}
				""".formatted(POSTER_MAIL));
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);

		WebDriver driver = browser.driver();
		driver.get(proxy.url() + "/listings/new?ui=de");
		browser.signInIfAsked(POSTER, "/listings/new");
		assertThat(driver.getCurrentUrl()).startsWith(proxy.url() + "/listings/new");
		WebElement form = driver.findElement(By.cssSelector("main form[method=post]"));
		form.findElement(By.cssSelector("input[name=kind][value=OFFER]")).click();
		form.findElement(By.id("title")).sendKeys("Holz-" + WORD + " zu verschenken");
		form.findElement(By.id("description")).sendKeys("Ein " + WORD + " für Kinder, abzuholen in Ludwigsburg.");
		check(form.findElement(By.cssSelector("input[name=topics][value=donations]")));
		check(form.findElement(By.cssSelector("input[name=languages][value=de]")));
		form.findElement(By.id("place")).sendKeys("71634");
		form.findElement(By.cssSelector("button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(30))
			.until(ExpectedConditions.urlMatches(".*/listings/[0-9a-f-]{36}.*"));
		assertThat(driver.getCurrentUrl()).startsWith(proxy.url() + "/listings/");
		String listing = driver.getCurrentUrl().replaceFirst(".*/listings/([0-9a-f-]{36}).*", "$1");

		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		do {
			driver.get(proxy.url() + "/search?q=" + WORD);
		}
		while (!driver.getPageSource().contains(WORD + " zu verschenken") && System.nanoTime() < deadline && pause());
		assertThat(driver.findElements(By.cssSelector(".hits a")).stream().map(WebElement::getText).toList())
			.anySatisfy((title) -> assertThat(title).contains(WORD));

		HttpResponse<String> answer = send("POST", "/api/v1/conversations", TestMembers.token(ANSWERER), """
				{"listing":"%s","text":"Guten Tag, ich hole es gern ab."}
				""".formatted(listing));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (services.mail().received().stream().noneMatch((mail) -> mail.to().contains(POSTER_MAIL))) {
			assertThat(System.nanoTime()).as("a mail to the poster").isLessThan(deadline);
			Thread.sleep(250);
		}
		assertThat(services.mail()
			.received()
			.stream()
			.filter((mail) -> mail.to().contains(POSTER_MAIL))
			.findFirst()
			.orElseThrow()
			.text()).contains(proxy.url()).doesNotContain("http://localhost");

		driver.get(proxy.url() + "/my/listings");
		// Signing out is in the header's menu, which opens with a tap.
		driver.findElement(By.cssSelector("header details.menu summary")).click();
		driver.findElement(By.cssSelector("form.signout button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("signed-out"));
		assertThat(driver.getCurrentUrl()).startsWith(proxy.url() + "/");
		driver.get(proxy.url() + "/my/listings");
		assertThat(driver.getCurrentUrl()).doesNotStartWith(proxy.url() + "/my/listings");
	}

	@Test
	@Order(4)
	void logsJsonLinesWithoutAnybodysAddress() throws Exception {
		List<String> lines = Files.readAllLines(log).stream().filter((line) -> !line.isBlank()).toList();
		assertThat(lines).isNotEmpty();
		// The JVM's own warnings (not the app's logs) may come first.
		List<String> logged = lines.stream().filter((line) -> line.startsWith("{")).toList();
		assertThat(logged).hasSizeGreaterThan(5)
			.allSatisfy((line) -> assertThat(json.readTree(line).has("message")).as(line).isTrue());
		assertThat(String.join("\n", lines)).doesNotContain(POSTER_MAIL);
	}

	private static void check(WebElement box) {
		if (!box.isSelected()) {
			box.click();
		}
	}

	private static boolean pause() {
		try {
			Thread.sleep(500);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(proxy.url() + path))
			.timeout(Duration.ofSeconds(30));
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(proxy.url() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static boolean ready(int port) {
		try {
			HttpResponse<Void> answer = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.discarding());
			return answer.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static String tail() {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

}
