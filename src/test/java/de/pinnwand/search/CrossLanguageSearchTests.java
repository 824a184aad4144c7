package de.pinnwand.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.pinnwand.PinnwandTest;
import de.pinnwand.TestMembers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cases of issue 18 on the demo board: a query in one language finds the listings
 * about the same thing in the others, says which word found them, and offers 'did you
 * mean' only when it finds little.
 */
@PinnwandTest
class CrossLanguageSearchTests {

	private static final String KINDERFAHRRAD = "Kinderfahrrad 20 Zoll zu verschenken";

	private static final List<String> BICYCLES = List.of(KINDERFAHRRAD,
			"Fahrräder für Geflüchtete – Fahrradwerkstatt jeden Samstag", "دراجة هوائية مجانية لمن يحتاجها",
			"دوچرخه‌ی بچه‌گانه رایگان", "یک دوچرخه برای رفتن به کار لازم دارم");

	private static final List<String> FRIDGES = List.of("Waschmaschine und Kühlschrank abzugeben",
			"یخچال و ماشین کالاشویی ضرورت داریم");

	private static final List<String> KINDERGARTENS = List.of("Hilfe bei der Anmeldung im Kindergarten",
			"Help finding a kindergarten place for my daughter", "Місце в дитячому садку для сина (4 роки)");

	@Autowired
	private WebTestClient web;

	private static Map<String, String> titles;

	@BeforeEach
	void postTheDemoBoard() throws Exception {
		if (titles == null) {
			titles = postDemoBoard();
		}
	}

	@Test
	void aWordInAnyLanguageFindsTheListingsAboutTheSameThing() {
		for (String q : List.of("bike", "велосипед", "bisiklet", "bisikletler", "دراجة", "Fahrrad")) {
			assertThat(top(q, 10)).as(q).containsAll(BICYCLES);
		}
		for (String q : List.of("fridge", "холодильник", "buzdolabı", "ثلاجة")) {
			assertThat(top(q, 10)).as(q).containsAll(FRIDGES);
		}
		for (String q : List.of("детский сад", "anaokulu", "روضة أطفال", "کودکستان", "Kita")) {
			assertThat(top(q, 10)).as(q).containsAll(KINDERGARTENS);
		}
		assertThat(top("врач", 10)).contains("Begleitung zum Kinderarzt gesucht",
				"Потрібен супровід до лікаря і перекладач");
		assertThat(top("переводчик", 10)).contains("Потрібен перекладач на батьківські збори в школі");
		assertThat(top("tercüman", 10)).contains("Ehrenamtliche Dolmetscher für Tigrinya, Somali und Dari gesucht");
		assertThat(top("ev arıyorum", 10)).contains("Wohnungssuche: Familie mit drei Kindern sucht eine Wohnung",
				"عائلة من خمسة أشخاص تبحث عن شقة");
		assertThat(top("Job", 10)).contains("Suche Arbeit in Küche, Reinigung oder Lager");
	}

	@Test
	void wordFormsReachTheirBaseWord() {
		for (String q : List.of("житла", "помешкання", "квартиру", "квартира")) {
			assertThat(top(q, 10)).as(q).contains("Шукаємо квартиру для мами з двома дітьми");
		}
		assertThat(top("лікаря", 10)).contains("Потрібен супровід до лікаря і перекладач");
		assertThat(top("doktora", 10)).contains("Begleitung zum Kinderarzt gesucht");
		assertThat(top("دراجات", 10)).contains("دراجة هوائية مجانية لمن يحتاجها");
	}

	@Test
	void theListingsOfTheReadersLanguageComeFirst() {
		List<String> english = top("bike", 3);
		assertThat(english.get(0)).isEqualTo("Looking for work as a bicycle mechanic or in a warehouse");
		List<String> arabic = top("دراجة", 1);
		assertThat(arabic).containsExactly("دراجة هوائية مجانية لمن يحتاجها");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aResultFoundThroughAnotherLanguageSaysForWhichWord() {
		Map<String, Object> page = page("q=велосипед&size=20", "uk");
		Map<String, String> foundFor = new HashMap<>();
		for (Map<String, Object> item : (List<Map<String, Object>>) page.get("items")) {
			foundFor.put((String) ((Map<String, Object>) item.get("listing")).get("title"),
					(String) item.get("foundFor"));
		}
		assertThat(foundFor).containsEntry(KINDERFAHRRAD, "Fahrrad")
			.containsEntry("دراجة هوائية مجانية لمن يحتاجها", "دراجة");
		Map<String, Object> direct = page("q=Kinderfahrrad&size=20", "de");
		assertThat(((List<Map<String, Object>>) direct.get("items")).get(0).get("foundFor")).isNull();
		this.web.get()
			.uri("/search?q=bike&ui=de")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("gefunden für «Fahrrad»"));
		this.web.get()
			.uri("/search?q=bike&ui=uk")
			.exchange()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("знайдено за словом «Fahrrad»"));
	}

	@Test
	void didYouMeanOnlyWhenTheQueryFindsLittle() {
		for (String q : List.of("квартира", "🚲 Fahrrad", "Fahrrad", "холодильник", "bisikletler")) {
			assertThat(page("q=" + q, "de").get("didYouMean")).as(q).isNull();
		}
		Object script = page("q=<script>", "de").get("didYouMean");
		assertThat(script == null || !script.toString().contains("<")).as("no markup offered").isTrue();
	}

	@Test
	void hostileQueriesStayBoundedAndFast() {
		// About 10 KB each as UTF-8; percent-encoded they stay below the server's 32 KB
		// request line.
		List<String> queries = List.of("Fahrrad Kühlschrank Kita Arzt Wohnung ".repeat(260),
				"a b c d e f g h i j k l m n o p q r s t u v w x y z ".repeat(190), "!?.,;:()[]{}<>«»،؛؟".repeat(300),
				"велосипед دراجة bisiklet 自転車 דראַד ".repeat(130), "\u200f\u202e\u200e\u061c".repeat(800) + "bike",
				"x".repeat(10_240));
		for (String q : queries) {
			long start = System.nanoTime();
			this.web.get()
				.uri((b) -> b.path("/api/v1/listings").queryParam("q", "{q}").build(q))
				.exchange()
				.expectStatus()
				.value((status) -> assertThat(status).isIn(200, 422));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as(q.substring(0, 20))
				.isLessThan(Duration.ofSeconds(3));
		}
		// Beyond the request line's limit the server says so itself, before any search
		// runs.
		this.web.get()
			.uri((b) -> b.path("/api/v1/listings").queryParam("q", "{q}").build("велосипед ".repeat(4000)))
			.exchange()
			.expectStatus()
			.isEqualTo(414);
	}

	@Test
	void theExpansionCapsItsClauses() {
		String hostile = "Fahrrad Kühlschrank Kita Arzt Wohnung Hilfe Zeit Familie велосипед دراجة bisiklet "
			.repeat(20);
		var request = this.search.request(query(hostile.substring(0, ListingQuery.MAX_TEXT)),
				ListingSearch.Tolerance.EXACT);
		var text = request.query().functionScore().query().bool().must().get(0).bool();
		// The words as typed, at most eight synonyms, and the concepts' clauses up to
		// their cap.
		assertThat(text.should()).hasSizeLessThanOrEqualTo(1 + Synonyms.MAX_ALTERNATIVES + CrossLanguage.MAX_CLAUSES);
		assertThat(text.should().stream().filter((q) -> q.isConstantScore()))
			.hasSizeLessThanOrEqualTo(Concepts.MAX_CONCEPTS);
		var plain = this.search.request(query("Zickzack"), ListingSearch.Tolerance.EXACT);
		assertThat(plain.query().functionScore().query().bool().must().get(0).bool().should()).hasSize(1);
	}

	private static ListingQuery query(String text) {
		return new ListingQuery(text, List.of(), List.of(), List.of(), List.of(), List.of(), null, 10,
				ListingQuery.Sort.RELEVANCE, 1, 20, null);
	}

	@SuppressWarnings("unchecked")
	private List<String> top(String q, int size) {
		return ((List<Map<String, Object>>) page("size=50&q=" + q, "de").get("items")).stream()
			.map((item) -> ((Map<String, Object>) item.get("listing")).get("id").toString())
			.filter(titles::containsKey)
			.map(titles::get)
			.limit(size)
			.toList();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> page(String query, String language) {
		return this.web.get()
			.uri("/api/v1/listings?" + query)
			.header("Accept-Language", language)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * The demo board, posted with the relevance set's idempotency keys, so a JVM running
	 * both holds it once.
	 */
	@SuppressWarnings("unchecked")
	private Map<String, String> postDemoBoard() throws IOException, InterruptedException {
		List<Map<String, Object>> corpus;
		try (InputStream in = new ClassPathResource("demo/listings.json").getInputStream()) {
			corpus = (List<Map<String, Object>>) JsonMapper.builder().build().readValue(in, Map.class).get("listings");
		}
		Map<String, String> posted = new HashMap<>();
		for (Map<String, Object> listing : corpus) {
			String title = (String) listing.get("title");
			UUID key = UUID.nameUUIDFromBytes(("relevance-" + title).getBytes(StandardCharsets.UTF_8));
			Map<?, ?> body = this.web.post()
				.uri("/api/v1/listings")
				.headers(TestMembers.bearer("tester"))
				.header("Idempotency-Key", key.toString())
				.bodyValue(listing)
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			posted.put(body.get("id").toString(), title);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		for (String id : posted.keySet()) {
			while (!isSearchable(id)) {
				assertThat(System.nanoTime()).as("searchable in time").isLessThan(deadline);
				Thread.sleep(200);
			}
		}
		return posted;
	}

	@Autowired
	private ListingSearch search;

	private boolean isSearchable(String id) {
		return Boolean.TRUE.equals(this.search.isSearchable(UUID.fromString(id)).block(Duration.ofSeconds(5)));
	}

}
