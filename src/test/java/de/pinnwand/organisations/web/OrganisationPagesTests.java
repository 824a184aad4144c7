package de.pinnwand.organisations.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestMembers;
import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation pages as a browser without JavaScript uses them: signed in through the
 * real provider, with the real CSRF token (also in the multipart logo form) and session
 * cookie.
 */
@PinnwandTest
class OrganisationPagesTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern INVITATION = Pattern
		.compile("value=\"(https?://[^\"]+/invitations/([A-Za-z0-9_-]{43}))\"");

	@Autowired
	private WebTestClient web;

	@Autowired
	private AccountService accounts;

	/** A page's CSRF token with its cookie, and the member's session. */
	private record Session(String token, String csrfCookie, String member, String html) {
	}

	private Session open(String path, String member) {
		EntityExchangeResult<String> page = this.web.get()
			.uri(path)
			.cookie("SESSION", member)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		Matcher token = CSRF.matcher(page.getResponseBody());
		assertThat(token.find()).as("the page carries a CSRF token").isTrue();
		ResponseCookie cookie = page.getResponseCookies().getFirst("XSRF-TOKEN");
		assertThat(cookie).isNotNull();
		return new Session(token.group(1), cookie.getValue(), member, page.getResponseBody());
	}

	private WebTestClient.ResponseSpec post(Session session, String path, MultiValueMap<String, String> fields) {
		fields.set("_csrf", session.token());
		return this.web.post()
			.uri(path)
			.cookie("SESSION", session.member())
			.cookie("XSRF-TOKEN", session.csrfCookie())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(fields))
			.exchange();
	}

	private static MultiValueMap<String, String> organisation(String name, String type) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("name", name);
		fields.add("type", type);
		fields.add("description", "Kaffee, Kuchen & Gespräche: a < b");
		fields.add("languages", "de");
		fields.add("languages", "uk");
		fields.add("publicAddress", "Weststadtplatz 3");
		fields.add("postcode", "71636");
		fields.add("openingHours", "Donnerstag 15–18 Uhr");
		fields.add("contactEmail", "cafe@example.org");
		fields.add("website", "https://example.org");
		return fields;
	}

	/** Founds an organisation through the form; returns its id. */
	private String found(String member, String name, String type) {
		Session form = open("/organisations/new", member);
		String location = post(form, "/organisations", organisation(name, type)).expectStatus()
			.is3xxRedirection()
			.expectBody()
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.getPath();
		assertThat(location).startsWith("/organisations/");
		return location.substring("/organisations/".length());
	}

	private static String unique(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void foundsAnOrganisationThroughTheFormAndOnlyItsAdminsManageIt() {
		String founder = TestMembers.signIn(this.web, "page-founder");
		String name = unique("Begegnungscafé Weststadt");
		String id = found(founder, name, "MEETING_PLACE");
		this.web.get()
			.uri("/organisations/" + id + "?ui=en")
			.cookie("SESSION", founder)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains(name)
				.contains("Kaffee, Kuchen &amp; Gespräche: a &lt; b")
				.contains("Meeting place or café")
				.contains("/organisations/" + id + "/edit")
				.contains("/organisations/" + id + "/members"));
		this.web.get()
			.uri("/organisations?type=MEETING_PLACE")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains(name));

		String outsider = TestMembers.signIn(this.web, "page-outsider");
		this.web.get()
			.uri("/organisations/" + id)
			.cookie("SESSION", outsider)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).doesNotContain("/organisations/" + id + "/edit"));
		this.web.get()
			.uri("/organisations/" + id + "/edit")
			.cookie("SESSION", outsider)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.get()
			.uri("/organisations/" + id + "/members")
			.cookie("SESSION", outsider)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.get()
			.uri("/organisations/" + id + "/edit")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location(de.pinnwand.accounts.web.SignIn.startReturningTo("/organisations/" + id + "/edit"));

		// The admin edits the profile.
		Session edit = open("/organisations/" + id + "/edit", founder);
		MultiValueMap<String, String> change = organisation(name, "MEETING_PLACE");
		change.set("openingHours", "Freitag 10–12 Uhr");
		change.add("version", versionIn(edit.html()));
		post(edit, "/organisations/" + id + "/edit", change).expectStatus().is3xxRedirection();
		this.web.get()
			.uri("/organisations/" + id)
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Freitag 10–12 Uhr"));
	}

	private static String versionIn(String html) {
		Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
		assertThat(version.find()).isTrue();
		return version.group(1);
	}

	@Test
	void showsLocalizedErrorsNextToTheFields() {
		String member = TestMembers.signIn(this.web, "page-bad-input");
		Session form = open("/organisations/new?ui=en", member);
		MultiValueMap<String, String> fields = organisation("x".repeat(121), "SPACESHIP");
		fields.set("website", "ftp://example.org");
		this.web.post()
			.uri("/organisations")
			.cookie("SESSION", member)
			.cookie("XSRF-TOKEN", form.csrfCookie())
			.cookie("lang", "en")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(withToken(fields, form)))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("role=\"alert\"")
				.contains("id=\"name\"")
				.contains("aria-invalid=\"true\" aria-describedby=\"name-error\"")
				.contains("Please write at most 120 characters.")
				.contains("Please choose a type from the list.")
				.contains("Please enter a web address starting with http:// or https://."));
	}

	private static MultiValueMap<String, String> withToken(MultiValueMap<String, String> fields, Session session) {
		fields.set("_csrf", session.token());
		return fields;
	}

	@Test
	void storesALogoWithoutItsMetadataAndRefusesWhatIsNoImage() throws Exception {
		String member = TestMembers.signIn(this.web, "page-logo-admin");
		String id = found(member, unique("Arbeitskreis Asyl Musterhausen"), "VOLUNTEER_GROUP");
		byte[] jpeg = jpegWithGpsMetadata(600, 400);
		assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).contains("Exif").contains("secret-location");

		Session edit = open("/organisations/" + id + "/edit", member);
		uploadLogo(edit, id, jpeg, "foto.jpg", MediaType.IMAGE_JPEG).expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location("/organisations/" + id + "/edit?logo");

		byte[] logo = this.web.get()
			.uri("/organisations/" + id + "/logo")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_PNG)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueMatches("Cache-Control", ".*max-age=\\d+.*")
			.expectBody()
			.returnResult()
			.getResponseBody();
		String text = new String(logo, StandardCharsets.ISO_8859_1);
		assertThat(text).doesNotContain("Exif").doesNotContain("secret-location").doesNotContain("GPS");
		BufferedImage stored = ImageIO.read(new ByteArrayInputStream(logo));
		assertThat(stored.getWidth()).isEqualTo(256);
		assertThat(stored.getHeight()).isEqualTo(171);

		// An HTML/SVG file with a script, however it is named, is refused and changes
		// nothing.
		byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>"
			.getBytes(StandardCharsets.UTF_8);
		Session again = open("/organisations/" + id + "/edit?ui=en", member);
		uploadLogo(again, id, svg, "logo.png", MediaType.IMAGE_PNG).expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("This file is not a PNG, JPEG or GIF image.")
				.contains("aria-invalid=\"true\""));
		byte[] html = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
		uploadLogo(again, id, html, "logo.gif", MediaType.IMAGE_GIF).expectStatus().isEqualTo(422);
		byte[] tooLarge = new byte[2 * 1024 * 1024 + 10];
		uploadLogo(again, id, tooLarge, "big.png", MediaType.IMAGE_PNG).expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("The file is too large"));
		// Far beyond it, the upload is stopped while it arrives.
		uploadLogo(again, id, new byte[9 * 1024 * 1024], "huge.png", MediaType.IMAGE_PNG).expectStatus().isEqualTo(413);
		assertThat(this.web.get()
			.uri("/organisations/" + id + "/logo")
			.exchange()
			.expectBody()
			.returnResult()
			.getResponseBody()).isEqualTo(logo);

		// Nobody but its admins changes the logo.
		String outsider = TestMembers.signIn(this.web, "page-logo-outsider");
		uploadLogo(new Session(again.token(), again.csrfCookie(), outsider, ""), id, jpeg, "x.jpg",
				MediaType.IMAGE_JPEG)
			.expectStatus()
			.isNotFound();
	}

	private WebTestClient.ResponseSpec uploadLogo(Session session, String id, byte[] bytes, String filename,
			MediaType type) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("_csrf", session.token());
		parts.part("logo", new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return filename;
			}
		}).contentType(type);
		return this.web.post()
			.uri("/organisations/" + id + "/logo")
			.cookie("SESSION", session.member())
			.cookie("XSRF-TOKEN", session.csrfCookie())
			.cookie("lang", "en")
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange();
	}

	/**
	 * A JPEG with an APP1 Exif segment right after the start marker, as cameras and
	 * phones write them.
	 */
	static byte[] jpegWithGpsMetadata(int width, int height) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x40);
			}
		}
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", plain);
		byte[] body = plain.toByteArray();
		byte[] payload = ("Exif\0\0MM\0*\0\0\0\bGPSLatitude 48.8941N GPSLongitude 9.1920E secret-location")
			.getBytes(StandardCharsets.ISO_8859_1);
		ByteArrayOutputStream withExif = new ByteArrayOutputStream();
		withExif.write(body, 0, 2);
		withExif.write(0xFF);
		withExif.write(0xE1);
		int length = payload.length + 2;
		withExif.write(length >> 8);
		withExif.write(length & 0xFF);
		withExif.write(payload);
		withExif.write(body, 2, body.length - 2);
		return withExif.toByteArray();
	}

	@Test
	void offersToPostAsTheOrganisationAndRefusesOutsiders() {
		String member = TestMembers.signIn(this.web, "page-org-poster");
		String name = unique("Migrationsberatung Poster");
		String id = found(member, name, "COUNSELLING_SERVICE");
		Session form = open("/listings/new?kind=OFFER&ui=en", member);
		assertThat(form.html()).contains("Post as")
			.contains("name=\"organisation\" value=\"" + id + "\"")
			.contains(name);
		MultiValueMap<String, String> listing = listing("Sprechstunde Aufenthaltsrecht " + name);
		listing.add("organisation", id);
		String location = post(form, "/listings", listing).expectStatus()
			.is3xxRedirection()
			.expectBody()
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.getPath();
		this.web.get()
			.uri(location + "?ui=en")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Posted by").contains("href=\"/organisations/" + id + "\""));
		this.web.get()
			.uri("/my/listings")
			.cookie("SESSION", member)
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Sprechstunde Aufenthaltsrecht"));
		this.web.get()
			.uri("/organisations/" + id)
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Sprechstunde Aufenthaltsrecht"));

		// Someone without organisations sees no choice, and is refused when sending one
		// anyway.
		String outsider = TestMembers.signIn(this.web, "page-org-outsider");
		Session other = open("/listings/new?kind=OFFER&ui=en", outsider);
		assertThat(other.html()).doesNotContain("name=\"organisation\"");
		MultiValueMap<String, String> forged = listing("Fremder Eintrag " + name);
		forged.add("organisation", id);
		this.web.post()
			.uri("/listings")
			.cookie("SESSION", outsider)
			.cookie("XSRF-TOKEN", other.csrfCookie())
			.cookie("lang", "en")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(withToken(forged, other)))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("You cannot post for this organisation."));
	}

	private static MultiValueMap<String, String> listing(String title) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("submissionKey", UUID.randomUUID().toString());
		fields.add("kind", "OFFER");
		fields.add("title", title);
		fields.add("description", "Jeden Mittwoch beraten wir ohne Termin.");
		fields.add("topics", "counselling");
		fields.add("languages", "de");
		fields.add("textLanguage", "de");
		fields.add("place", "71638");
		return fields;
	}

	@Test
	void coordinatorsVerifyOnTheProfilePage() {
		String member = TestMembers.signIn(this.web, "page-verify-founder");
		String id = found(member, unique("Integrationsmanagement Landkreis"), "AUTHORITY");
		Session mine = open("/organisations/" + id, member);
		assertThat(mine.html()).doesNotContain("/organisations/" + id + "/verification");
		post(mine, "/organisations/" + id + "/verification", new LinkedMultiValueMap<>()).expectStatus().isNotFound();

		this.accounts
			.prepare(TestMembers.subject("page-coordinator"), "Koordination", List.of("de"), Set.of(Role.COORDINATOR))
			.block();
		String coordinator = TestMembers.signIn(this.web, "page-coordinator");
		Session page = open("/organisations/" + id + "?ui=en", coordinator);
		assertThat(page.html()).contains("action=\"/organisations/" + id + "/verification\"");
		MultiValueMap<String, String> reason = new LinkedMultiValueMap<>();
		reason.add("reason", "Telefonisch bestätigt");
		post(page, "/organisations/" + id + "/verification", reason).expectStatus().is3xxRedirection();
		this.web.get()
			.uri("/organisations/" + id + "?ui=en")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Verified by the coordination office"));
	}

	@Test
	void invitationLinksShowTheOrganisationAndWorkOnce() {
		String admin = TestMembers.signIn(this.web, "page-inviter");
		String name = unique("Kleiderkammer Einladungsseite");
		String id = found(admin, name, "ASSOCIATION");
		Session members = open("/organisations/" + id + "/members", admin);
		MultiValueMap<String, String> role = new LinkedMultiValueMap<>();
		role.add("role", "MEMBER");
		String page = post(members, "/organisations/" + id + "/invitations", role).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Matcher link = INVITATION.matcher(page);
		assertThat(link.find()).as("the members page shows the new link").isTrue();
		String path = "/invitations/" + link.group(2);

		String invitee = TestMembers.signIn(this.web, "page-invitee");
		Session invitation = open(path + "?ui=en", invitee);
		assertThat(invitation.html()).contains(name).contains("Member");
		post(invitation, path, new LinkedMultiValueMap<>()).expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location("/organisations/" + id + "?joined");
		this.web.get()
			.uri(path + "?ui=en")
			.cookie("SESSION", invitee)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("lang=\"en\""));
		this.web.get()
			.uri("/invitations/" + "B".repeat(43))
			.cookie("SESSION", invitee)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.get()
			.uri("/organisations/" + id + "/members")
			.cookie("SESSION", admin)
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("page-invitee"));
	}

}
