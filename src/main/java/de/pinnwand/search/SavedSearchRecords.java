package de.pinnwand.search;

import java.time.Instant;
import java.util.UUID;

import de.pinnwand.listings.Listing;
import de.pinnwand.search.SavedSearches.Hit;
import de.pinnwand.search.SavedSearches.Saved;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Saved searches and their hits in PostgreSQL, with the structured filters that let the
 * database pick the searches a new listing can fit.
 */
@Repository
class SavedSearchRecords {

	private final DatabaseClient database;

	SavedSearchRecords(DatabaseClient database) {
		this.database = database;
	}

	/** A saved search a new listing may fit. */
	record Candidate(UUID id, UUID accountId, String queryString) {
	}

	/** How many searches the member keeps. */
	Mono<Long> countOf(UUID accountId) {
		return this.database.sql("select count(*) from saved_search where account_id = :account")
			.bind("account", accountId)
			.map((row, meta) -> row.get(0, Long.class))
			.one();
	}

	/** Stores a new saved search with the structured filters of its query. */
	Mono<Saved> insert(UUID id, UUID accountId, String queryString, String label, ListingQuery query, Instant now) {
		DatabaseClient.GenericExecuteSpec insert = this.database
			.sql("insert into saved_search (id, account_id, query_string, label, has_text, kinds, topics, languages, "
					+ "districts, near_lat, near_lon, radius_km, created_at) values (:id, :account, :query, :label, "
					+ ":text, :kinds, :topics, :languages, :districts, :lat, :lon, :radius, :at)")
			.bind("id", id)
			.bind("account", accountId)
			.bind("query", queryString)
			.bind("label", label)
			.bind("text", !query.text().isBlank())
			.bind("kinds", query.kinds().toArray(String[]::new))
			.bind("topics", query.topics().toArray(String[]::new))
			.bind("languages", query.languages().toArray(String[]::new))
			.bind("districts", query.districts().toArray(String[]::new))
			.bind("at", now);
		if (query.near() != null) {
			insert = insert.bind("lat", query.near().lat())
				.bind("lon", query.near().lon())
				.bind("radius", query.radiusKm());
		}
		else {
			insert = insert.bindNull("lat", Double.class)
				.bindNull("lon", Double.class)
				.bindNull("radius", Integer.class);
		}
		return insert.then().thenReturn(new Saved(id, queryString, label, now, 0));
	}

	/**
	 * The member's saved searches, newest first, with how many new listings each found.
	 */
	Flux<Saved> of(UUID accountId) {
		return this.database
			.sql("select s.id, s.query_string, s.label, s.created_at, "
					+ "(select count(*) from saved_search_hit h join listing l on l.id = h.listing_id "
					+ "where h.saved_search_id = s.id and h.seen_at is null and l.status = 'PUBLISHED' "
					+ "and l.expires_at > now()) as unseen "
					+ "from saved_search s where s.account_id = :account order by s.created_at desc")
			.bind("account", accountId)
			.map((row, meta) -> new Saved(row.get("id", UUID.class), row.get("query_string", String.class),
					row.get("label", String.class), row.get("created_at", Instant.class),
					row.get("unseen", Long.class).intValue()))
			.all();
	}

	/** Removes one of the member's saved searches; how many rows went. */
	Mono<Long> delete(UUID accountId, UUID id) {
		return this.database.sql("delete from saved_search where id = :id and account_id = :account")
			.bind("id", id)
			.bind("account", accountId)
			.fetch()
			.rowsUpdated();
	}

	/** The member's unseen hits of still-public listings, newest first, at most 100. */
	Flux<Hit> unseenHits(UUID accountId) {
		return this.database
			.sql("select h.saved_search_id, h.listing_id, l.title, l.text_language, h.created_at "
					+ "from saved_search_hit h join saved_search s on s.id = h.saved_search_id "
					+ "join listing l on l.id = h.listing_id where s.account_id = :account and h.seen_at is null "
					+ "and l.status = 'PUBLISHED' and l.expires_at > now() order by h.created_at desc limit 100")
			.bind("account", accountId)
			.map((row, meta) -> new Hit(row.get("saved_search_id", UUID.class), row.get("listing_id", UUID.class),
					row.get("title", String.class), row.get("text_language", String.class),
					row.get("created_at", Instant.class)))
			.all();
	}

	/** Marks all the member's hits seen. */
	Mono<Void> markSeen(UUID accountId) {
		return this.database
			.sql("update saved_search_hit set seen_at = now() where seen_at is null and saved_search_id in "
					+ "(select id from saved_search where account_id = :account)")
			.bind("account", accountId)
			.then();
	}

	/**
	 * The saved searches whose structured filters let the listing through. Not the
	 * poster's own: nobody needs a notice of what they just posted.
	 */
	Flux<Candidate> candidates(Listing listing) {
		return this.database
			.sql("select id, account_id, query_string from saved_search where account_id <> :owner "
					+ "and (cardinality(kinds) = 0 or :kind = any(kinds)) "
					+ "and (cardinality(topics) = 0 or topics && cast(:topics as varchar[])) "
					+ "and (cardinality(languages) = 0 or languages && cast(:languages as varchar[])) "
					+ "and (cardinality(districts) = 0 or :district = any(districts)) "
					+ "and (near_lat is null or 2 * 6371 * asin(sqrt(power(sin(radians(:lat - near_lat) / 2), 2) "
					+ "+ cos(radians(near_lat)) * cos(radians(:lat)) * power(sin(radians(:lon - near_lon) / 2), 2))) "
					+ "<= radius_km)")
			.bind("owner", (listing.ownerAccountId() != null) ? listing.ownerAccountId() : new UUID(0, 0))
			.bind("kind", listing.kind().name())
			.bind("topics", listing.topics().toArray(String[]::new))
			.bind("languages", listing.languages().toArray(String[]::new))
			.bind("district", listing.district())
			.bind("lat", listing.latitude())
			.bind("lon", listing.longitude())
			.map((row, meta) -> new Candidate(row.get("id", UUID.class), row.get("account_id", UUID.class),
					row.get("query_string", String.class)))
			.all();
	}

	/** Records that the search found the listing; 1 when new, 0 when known. */
	Mono<Long> recordHit(UUID savedSearchId, UUID listingId) {
		return this.database
			.sql("insert into saved_search_hit (saved_search_id, listing_id) values (:search, :listing) "
					+ "on conflict do nothing")
			.bind("search", savedSearchId)
			.bind("listing", listingId)
			.fetch()
			.rowsUpdated();
	}

}
