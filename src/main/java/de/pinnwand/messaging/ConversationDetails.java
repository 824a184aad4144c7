package de.pinnwand.messaging;

import java.util.List;

import de.pinnwand.listings.ListingKind;
import de.pinnwand.listings.ListingStatus;

/**
 * A conversation as one participant sees it: with the messages, and only those contact
 * details the other side chose to show.
 *
 * @param conversation the conversation
 * @param mySide the reader's side
 * @param listingTitle the listing's title
 * @param listingKind offer or request
 * @param listingStatus where the listing stands, e.g. fulfilled; null once it is gone
 * @param otherName the other side's pseudonym or organisation; null once their account is
 * deleted
 * @param messages the latest messages, oldest first
 * @param theirContacts what the other side showed, one entry per person who did
 * @param myDisclosure what the reader showed so far
 * @param iHaveEmail whether the reader's account holds an e-mail address they could show
 * @param iHavePhone whether it holds a phone number
 * @param review whether a coordinator reads it to decide about a report, not a
 * participant
 */
public record ConversationDetails(Conversation conversation, Side mySide, String listingTitle, ListingKind listingKind,
		ListingStatus listingStatus, String otherName, List<Message> messages, List<SharedContact> theirContacts,
		Disclosure myDisclosure, boolean iHaveEmail, boolean iHavePhone, boolean review) {

	/** Contact details one person of the other side chose to show. */
	public record SharedContact(String name, String email, String phone) {
	}

	/** What one participant has shown the other side. */
	public record Disclosure(boolean email, boolean phone) {

		static final Disclosure NOTHING = new Disclosure(false, false);

	}

	/**
	 * Only the listing's side can say the help was found, and only while the listing is
	 * up.
	 */
	public boolean canMarkFulfilled() {
		return !this.review && this.mySide == Side.OWNER && this.listingStatus == ListingStatus.PUBLISHED;
	}

}
