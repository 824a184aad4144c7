package de.pinnwand.moderation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import de.pinnwand.accounts.AccountService;
import de.pinnwand.accounts.Member;
import de.pinnwand.listings.InvalidListing;
import de.pinnwand.listings.Listing;
import de.pinnwand.listings.ListingService;
import de.pinnwand.listings.ListingStatus;
import de.pinnwand.listings.PublicationPolicy;
import de.pinnwand.system.FieldProblem;
import de.pinnwand.system.PortalZone;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Review before publication: a listing goes up at once when its poster is trusted (enough
 * approved listings), a coordinator, or posts for a verified organisation; anyone else's
 * waits for a coordinator. The switch starts as configured and can be turned while the
 * app runs (an operator during a rush of spam; tests).
 */
@Component
public class Premoderation implements PublicationPolicy {

	/** What counts as approved: listings that were public. */
	private static final Set<ListingStatus> APPROVED = EnumSet.of(ListingStatus.PUBLISHED, ListingStatus.FULFILLED,
			ListingStatus.EXPIRED);

	private final AtomicBoolean newMembersReviewed;

	private final ModerationProperties properties;

	private final AccountService accounts;

	private final VerifiedOrganisations organisations;

	private final ObjectProvider<ListingService> listings;

	private final PostingBlocks blocks;

	private final Clock clock;

	Premoderation(ModerationProperties properties, AccountService accounts, VerifiedOrganisations organisations,
			ObjectProvider<ListingService> listings, PostingBlocks blocks, Clock clock) {
		this.blocks = blocks;
		this.clock = clock;
		this.properties = properties;
		this.newMembersReviewed = new AtomicBoolean(properties.premoderateNewMembers());
		this.accounts = accounts;
		this.organisations = organisations;
		this.listings = listings;
	}

	/** Turns review of new members' listings on or off until the next start. */
	public void reviewNewMembers(boolean on) {
		this.newMembersReviewed.set(on);
	}

	/**
	 * A blocked member posts nothing until the block ends; everyone else as
	 * {@link #reviewed}.
	 */
	@Override
	public Mono<ListingStatus> statusOfNew(UUID posterAccountId, UUID organisationId) {
		return this.blocks.until(posterAccountId, this.clock.instant())
			.flatMap((until) -> Mono.<ListingStatus>error(new InvalidListing(List.of(new FieldProblem("author",
					"moderation.blocked", LocalDate.ofInstant(until, PortalZone.ZONE).toString())))))
			.switchIfEmpty(Mono.defer(() -> reviewed(posterAccountId, organisationId)));
	}

	private Mono<ListingStatus> reviewed(UUID posterAccountId, UUID organisationId) {
		return mustReview(posterAccountId, organisationId)
			.map((review) -> review ? ListingStatus.PENDING_REVIEW : ListingStatus.PUBLISHED);
	}

	/**
	 * Whether what this member posts (for this organisation, or null) waits for review:
	 * while review of new members is on, unless they are trusted (enough approved
	 * listings), a coordinator, or post for a verified organisation.
	 */
	public Mono<Boolean> mustReview(UUID posterAccountId, UUID organisationId) {
		if (!this.newMembersReviewed.get()) {
			return Mono.just(false);
		}
		Mono<Boolean> verifiedOrganisation = (organisationId != null) ? this.organisations.isVerified(organisationId)
				: Mono.just(false);
		Mono<Boolean> coordinator = this.accounts.member(posterAccountId)
			.map(Member::isCoordinator)
			.defaultIfEmpty(false);
		Mono<Boolean> trusted = this.listings.getObject()
			.findOwnedBy(posterAccountId)
			.map(Listing::status)
			.filter(APPROVED::contains)
			.take(this.properties.trustedAfterApproved())
			.count()
			.map((approved) -> approved >= this.properties.trustedAfterApproved());
		return verifiedOrganisation.flatMap((verified) -> verified ? Mono.just(true) : coordinator)
			.flatMap((exempt) -> exempt ? Mono.just(true) : trusted)
			.map((direct) -> !direct);
	}

}
