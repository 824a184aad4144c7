package de.pinnwand;

import de.pinnwand.search.ListingIndex;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Before each full application test, waits until the search index exists: on a fresh data
 * folder the relay builds it right after start-up, and a search before that answers 503.
 */
class SearchReady implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		ListingIndex index = SpringExtension.getApplicationContext(context).getBean(ListingIndex.class);
		TestListings.awaitSearchReady(index);
	}

}
