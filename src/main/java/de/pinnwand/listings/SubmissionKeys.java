package de.pinnwand.listings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The random key of the form or API call that posts a listing: the same key from the same
 * member stores one listing, however often it arrives (a double-clicked submit, a retried
 * request). Scoped to the member, so one member's key never answers with another member's
 * listing.
 */
final class SubmissionKeys {

	private SubmissionKeys() {
	}

	static String hash(UUID posterAccountId, UUID key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((posterAccountId + ":" + key).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
