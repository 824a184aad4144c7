package de.pinnwand.search;

import de.pinnwand.TestMembers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import de.pinnwand.PinnwandTest;
import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingKind;
import de.pinnwand.listings.ListingStatus;
import de.pinnwand.listings.Listings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@PinnwandTest
class ListingIndexTests {

	@Autowired
	private ListingIndex index;

	@Autowired
	private ElasticsearchClient client;

	@Autowired
	private WebTestClient web;

	@Autowired
	private SearchRebuilds rebuilds;

	@Autowired
	private SearchProperties properties;

	@Autowired
	private Listings listings;

	@Autowired
	private de.pinnwand.accounts.AccountService accounts;

	private static Listing listing(UUID id, String title, long version, ListingStatus status) {
		return listing(id, title, version, status, Instant.now().plus(7, ChronoUnit.DAYS));
	}

	private static Listing listing(UUID id, String title, long version, ListingStatus status, Instant expiresAt) {
		Instant now = Instant.now();
		return new Listing(id, ListingKind.OFFER, status, title, "Beschreibung für den Versionstest.",
				List.of("housing"), List.of("de"), "de", "71634", "Ludwigsburg", "Landkreis Ludwigsburg", 48.9, 9.19,
				10, null, "WEEKLY:2:15:00-17:00", 2, de.pinnwand.listings.LanguageNeed.SHARED, null, null, now, now,
				expiresAt, version);
	}

	private String titleInIndex(UUID id) throws Exception {
		var response = this.client.get((get) -> get.index(this.index.alias()).id(id.toString()), ListingDocument.class);
		return response.found() ? response.source().title() : null;
	}

	@Test
	void neverLetsAStaleWriteOverwriteANewerOne() throws Exception {
		UUID id = UUID.randomUUID();
		var newer = this.index.apply(List.of(listing(id, "Version fünf", 5, ListingStatus.PUBLISHED)), List.of())
			.block();
		assertThat(newer.indexed()).containsExactly(id);
		var stale = this.index.apply(List.of(listing(id, "Version drei", 3, ListingStatus.PUBLISHED)), List.of())
			.block();
		assertThat(stale.indexed()).as("a stale write counts as done, not as a failure to retry").containsExactly(id);
		assertThat(titleInIndex(id)).isEqualTo("Version fünf");

		this.index.apply(List.of(listing(id, "Zurückgezogen", 6, ListingStatus.WITHDRAWN)), List.of()).block();
		assertThat(titleInIndex(id)).as("a listing that is no longer public leaves the index").isNull();
	}

	@Test
	void dropsAListingFromSearchTheMomentItExpiresWithoutAnyWrite() throws Exception {
		UUID id = UUID.randomUUID();
		this.index
			.apply(List.of(listing(id, "Gleich abgelaufen Zuckertüte", 1, ListingStatus.PUBLISHED,
					Instant.now().plusSeconds(3))), List.of())
			.block();
		this.client.indices().refresh((refresh) -> refresh.index(this.index.alias()));
		this.web.get()
			.uri("/api/v1/listings?q=Zuckertüte")
			.exchange()
			.expectBody()
			.jsonPath("$.items[0].listing.id")
			.isEqualTo(id.toString());
		Thread.sleep(3500);
		this.web.get().uri("/api/v1/listings?q=Zuckertüte").exchange().expectBody().jsonPath("$.total").isEqualTo(0);
	}

	@Test
	void aRebuildReadsEveryListingPageByPage() {
		for (int i = 1; i <= 7; i++) {
			this.web.post()
				.uri("/api/v1/listings")
				.headers(de.pinnwand.TestMembers.bearer("tester"))
				.bodyValue(de.pinnwand.TestListings.offer("Seite für Seite " + i))
				.exchange()
				.expectStatus()
				.isCreated();
		}
		List<UUID> all = this.listings.findAll()
			.map(Listing::id)
			.collectList()
			.block()
			.stream()
			.sorted(Comparator.comparing(UUID::toString))
			.toList();
		// Pages of three, so that the board's listings take several (each one statement,
		// not one for the whole board).
		List<UUID> paged = this.index.allInIdOrder(3).map(Listing::id).collectList().block();
		assertThat(all).hasSizeGreaterThan(6);
		assertThat(paged).containsExactlyElementsOf(all);
	}

	@Test
	void rebuildsIntoANewIndexAndSwapsTheAliasWithoutLosingListings() throws Exception {
		String id = this.web.post()
			.uri("/api/v1/listings")
			.headers(de.pinnwand.TestMembers.bearer("tester"))
			.bodyValue(de.pinnwand.TestListings.offer("Umbau ohne Ausfall"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(java.util.Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
		var before = this.client.indices().getAlias((get) -> get.name(this.index.alias())).result().keySet();

		this.accounts
			.prepare(TestMembers.subject("index-admin"), "Admin", List.of("de"),
					java.util.Set.of(de.pinnwand.accounts.Role.ADMIN))
			.block();
		this.web.post()
			.uri("/actuator/searchindex")
			.headers(de.pinnwand.TestMembers.bearer("index-admin"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.index")
			.value((name) -> assertThat(before).doesNotContain(name.toString()));

		var after = this.client.indices().getAlias((get) -> get.name(this.index.alias())).result().keySet();
		assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
		assertThat(titleInIndex(UUID.fromString(id))).isEqualTo("Umbau ohne Ausfall");
		// Refreshes are off while a rebuild fills the index; they must be back, or new
		// listings stay unfindable.
		String rebuilt = after.iterator().next();
		var settings = this.client.indices().getSettings((get) -> get.index(rebuilt)).result().get(rebuilt).settings();
		assertThat(settings.index().refreshInterval().time()).isEqualTo("500ms");
	}

	@Test
	void whileAnotherInstanceRebuildsASecondRebuildAnswers409AndEveryWriteReachesItsNewIndex() throws Exception {
		// Another instance's rebuild, as its claim leaves it in PostgreSQL, with the
		// index it fills.
		String elsewhere = this.index.alias() + "-" + IndexDefinition.load(this.properties).hash() + "-other-instance";
		this.client.indices()
			.create((create) -> create.index(elsewhere)
				.withJson(new java.io.ByteArrayInputStream(IndexDefinition.load(this.properties).json())));
		assertThat(this.rebuilds.claim(elsewhere).block()).isEqualTo(elsewhere);
		try {
			this.accounts
				.prepare(TestMembers.subject("index-admin"), "Admin", List.of("de"),
						java.util.Set.of(de.pinnwand.accounts.Role.ADMIN))
				.block();
			this.web.post()
				.uri("/actuator/searchindex")
				.headers(TestMembers.bearer("index-admin"))
				.exchange()
				.expectStatus()
				.isEqualTo(409)
				.expectBody()
				.jsonPath("$.running.index")
				.isEqualTo(elsewhere);

			String id = this.web.post()
				.uri("/api/v1/listings")
				.headers(TestMembers.bearer("tester"))
				.bodyValue(de.pinnwand.TestListings.offer("Während des Umbaus"))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(java.util.Map.class)
				.returnResult()
				.getResponseBody()
				.get("id")
				.toString();
			long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
			boolean found = false;
			while (!found && System.nanoTime() < deadline) {
				found = this.client.get((get) -> get.index(elsewhere).id(id), ListingDocument.class).found();
				Thread.sleep(100);
			}
			assertThat(found).as("the relay writes to the index the other instance fills").isTrue();
			assertThat(titleInIndex(UUID.fromString(id))).isEqualTo("Während des Umbaus");
		}
		finally {
			this.rebuilds.release(elsewhere).block();
			this.client.indices().delete((delete) -> delete.index(elsewhere));
		}
		// Once it is over, a rebuild may run again.
		this.web.post()
			.uri("/actuator/searchindex")
			.headers(TestMembers.bearer("index-admin"))
			.exchange()
			.expectStatus()
			.isOk();
	}

}
