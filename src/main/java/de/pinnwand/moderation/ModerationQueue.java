package de.pinnwand.moderation;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import de.pinnwand.accounts.Member;
import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingService;
import de.pinnwand.listings.ListingStatus;
import de.pinnwand.moderation.ModerationService.QueueFilter;
import de.pinnwand.moderation.ModerationService.QueueItem;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What waits for a coordinator: listings in review and items reports took down, with what
 * helps to decide about each.
 */
@Component
class ModerationQueue {

	private final ListingService listings;

	private final Reports reports;

	private final ItemReports itemReports;

	private final CoordinatorAreas areas;

	private final ReportableTypes reportable;

	ModerationQueue(ListingService listings, Reports reports, ItemReports itemReports, CoordinatorAreas areas,
			ReportableTypes reportable) {
		this.listings = listings;
		this.reports = reports;
		this.itemReports = itemReports;
		this.areas = areas;
		this.reportable = reportable;
	}

	/** See {@link ModerationService#queue}. */
	Flux<QueueItem> queue(Member coordinator, QueueFilter filter) {
		if (!coordinator.isCoordinator()) {
			return Flux.error(QueueNotFound::new);
		}
		return this.areas.of(coordinator.accountId()).collectList().flatMapMany((areas) -> {
			// Listings are filtered in the database; other items are few (only reported
			// ones) and come from their modules.
			Flux<Listing> listings = (filter.type() == null || filter.type().isBlank()
					|| ModerationService.LISTING.equals(filter.type()))
							? this.listings.findInReview(filter.district(), filter.topic(), filter.language(), areas)
							: Flux.empty();
			Flux<QueueItem> listingItems = listings.concatMap((listing) -> history(listing.ownerAccountId())
				.zipWith(this.reports.open(listing.id()).collectList())
				.map((both) -> new QueueItem(itemOf(listing), listing, listing.updatedAt(), both.getT1(),
						both.getT2())));
			Flux<QueueItem> others = this.itemReports.holds()
				.concatMap((hold) -> Mono.justOrEmpty(this.reportable.get(hold.type()))
					.flatMap((items) -> items.describe(hold.id()))
					.filter((item) -> CoordinatorAreas.covers(areas, item.placeName(), item.district()))
					.filter(filter::accepts)
					.flatMap((item) -> history(item.authorAccountId())
						.zipWith(this.itemReports.open(hold.type(), hold.id()).collectList())
						.map((both) -> new QueueItem(item, null, hold.heldAt(), both.getT1(), both.getT2()))));
			return Flux.concat(listingItems, others)
				.collectSortedList(Comparator.comparing(QueueItem::waitingSince))
				.flatMapIterable(Function.identity());
		});
	}

	private Mono<Map<ListingStatus, Long>> history(UUID authorAccountId) {
		return (authorAccountId != null)
				? this.listings.findOwnedBy(authorAccountId).collectList().map(ModerationQueue::countByStatus)
				: Mono.just(Map.of());
	}

	private static Map<ListingStatus, Long> countByStatus(List<Listing> listings) {
		Map<ListingStatus, Long> counts = new EnumMap<>(ListingStatus.class);
		listings.forEach((listing) -> counts.merge(listing.status(), 1L, Long::sum));
		return counts;
	}

	private static ReportedItem itemOf(Listing listing) {
		return new ReportedItem(ModerationService.LISTING, listing.id(), listing.title(), listing.description(),
				listing.textLanguage(), "/listings/" + listing.id(), listing.district(), listing.placeName(),
				listing.languages(), listing.ownerAccountId(), listing.createdAt(),
				listing.status() == ListingStatus.PUBLISHED);
	}

}
