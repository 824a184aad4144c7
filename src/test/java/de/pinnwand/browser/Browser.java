package de.pinnwand.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import de.pinnwand.testing.DebianPackages;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import de.pinnwand.system.embedded.EmbeddedServices;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium with the viewport of a cheap phone, one per test class.
 * Register it as
 * {@code @RegisterExtension static final Browser browser = new Browser();}. Nothing can
 * download a browser here: Debian's {@code chromium} and {@code chromium-driver} are
 * installed when the tests run as root, otherwise the browser tests are skipped with a
 * line that says how to install them.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback {

	/** The viewport of a small phone, in CSS pixels. */
	public static final int WIDTH = 360;

	public static final int HEIGHT = 740;

	/** Keycloak's authorization endpoint, where its login page is. */
	private static final String LOGIN_PATH = "/realms/pinnwand/protocol/openid-connect/auth";

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final List<String> arguments;

	private Path profile;

	private ChromeDriverService service;

	private ChromeDriver driver;

	/**
	 * The viewport's current width: {@link #WIDTH} unless a test narrowed it with
	 * {@link #width(int)}.
	 */
	private int width = WIDTH;

	public Browser() {
		this(List.of());
	}

	/**
	 * A browser with more command line switches, e.g. to accept a test proxy's own
	 * certificate.
	 */
	public Browser(List<String> arguments) {
		this.arguments = List.copyOf(arguments);
	}

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		DebianPackages.require(List.of("chromium", "chromium-driver"), CHROMIUM, CHROMEDRIVER);
		this.profile = Files.createTempDirectory("pinnwand-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + this.profile, "--window-size=" + WIDTH + "," + HEIGHT);
		options.addArguments(this.arguments);
		this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(this.service, options);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
		// Headless Chromium keeps windows at least 500 px wide; a phone's viewport needs
		// device emulation.
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", true));
	}

	@Override
	public void afterAll(ExtensionContext context) {
		try {
			if (this.driver != null) {
				this.driver.quit();
			}
		}
		finally {
			if (this.service != null) {
				this.service.stop();
			}
			deleteProfile();
		}
	}

	/** The browser; its cookies live as long as the test class. */
	public WebDriver driver() {
		return this.driver;
	}

	/**
	 * Where the portal sent the browser to sign in, signs in at Keycloak's page as a
	 * person would (the member is made there first), and waits until the browser is back
	 * at {@code returnTo}. A browser that is signed in already goes straight on.
	 */
	public void signInIfAsked(String username, String returnTo) {
		WebDriver driver = driver();
		new WebDriverWait(driver, Duration.ofSeconds(15))
			.until((d) -> d.getCurrentUrl().contains(LOGIN_PATH) || d.getCurrentUrl().contains(returnTo));
		if (!driver.getCurrentUrl().contains(LOGIN_PATH)) {
			return;
		}
		de.pinnwand.TestMembers.subject(username);
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(EmbeddedServices.memberPassword());
		driver.findElement(By.id("kc-login")).click();
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains(returnTo));
	}

	/**
	 * Gives the phone's screen another width (320 px: the narrowest phones still sold),
	 * {@link #HEIGHT} high.
	 */
	public void width(int width) {
		this.width = width;
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", true));
	}

	/**
	 * Opens a page of the portal on {@code port} with {@code lang} as the interface
	 * language.
	 */
	public void open(int port, String path, String lang) {
		this.driver.get("http://localhost:" + port + path + (path.contains("?") ? "&" : "?") + "ui=" + lang);
	}

	/**
	 * Opens the header's menu (a details element), as a thumb does, unless it is open
	 * already.
	 */
	public void openMenu() {
		WebElement menu = this.driver.findElement(By.cssSelector("header details.menu"));
		if (menu.getDomAttribute("open") == null) {
			menu.findElement(By.tagName("summary")).click();
		}
	}

	/** Random lower-case Latin letters: a word only one test's listings carry. */
	public static String letters(int count) {
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < count; i++) {
			word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return word.toString();
	}

	/**
	 * Runs a script in the page for a measurement; the tests drive the pages with real
	 * clicks and typing.
	 */
	public Object measure(String script) {
		return ((JavascriptExecutor) this.driver).executeScript(script);
	}

	/**
	 * The viewport's width in CSS pixels, which a page without a viewport declaration
	 * would widen.
	 */
	public long viewportWidth() {
		return ((Number) measure("return window.innerWidth")).longValue();
	}

	/**
	 * How wide the page lays itself out; more than the viewport means the reader must
	 * scroll sideways.
	 */
	public long contentWidth() {
		return ((Number) measure("return document.documentElement.scrollWidth")).longValue();
	}

	/**
	 * The innermost elements that reach past the phone's screen or whose text spills out
	 * of them, to name the culprit when a page is too wide. A phone widens its viewport
	 * to show such a page whole, and the reader gets small print or sideways scrolling.
	 */
	@SuppressWarnings("unchecked")
	public List<String> elementsWiderThanTheScreen() {
		return (List<String>) measure(
				"""
						const width = %d;
						const outside = (e) => { const r = e.getBoundingClientRect();
							return r.right > width + 1 || r.left < -1
								|| (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'); };
						return [...document.body.querySelectorAll('*')]
							.filter((e) => outside(e) && ![...e.children].some(outside))
							.slice(0, 10)
							.map((e) => { const r = e.getBoundingClientRect();
								return e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '')
									+ ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + '] '
									+ (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50); });
						"""
					.formatted(this.width));
	}

	/** Saves what the screen shows as a PNG, for a person to look at. */
	public Path screenshot(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			return Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Best effort: Chromium's helpers may still be writing to the profile for a moment
	 * after they quit.
	 */
	private void deleteProfile() {
		if (this.profile == null) {
			return;
		}
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// A leftover folder in the temp directory is harmless.
		}
	}

}
