package de.pinnwand.listings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A poster's private key for a listing: the random submission key of the form or API call that posted it.
 * Only its SHA-256 is stored; presenting the key proves ownership until sign-in exists.
 */
public final class ManageKeys {

	private ManageKeys() {
	}

	public static String hash(UUID key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Compares in constant time, so the answer's timing tells nothing about the stored hash. */
	static boolean matches(UUID key, String storedHash) {
		if (key == null || storedHash == null) {
			return false;
		}
		return MessageDigest.isEqual(hash(key).getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}

}
