package de.pinnwand.notifications;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The token of a mail's unsubscribe link: the account id and an HMAC-SHA256 over it, so
 * the link works without signing in and cannot be made for another account. The key comes
 * from {@code pinnwand.notifications.unsubscribe-secret}; without one, a random key is
 * made per start.
 */
@Component
public class UnsubscribeTokens {

	private static final int ID_LENGTH = 16;

	private static final int MAC_LENGTH = 32;

	private final SecretKeySpec key;

	UnsubscribeTokens(NotificationsProperties properties) {
		byte[] secret;
		if (properties.unsubscribeSecret() != null && !properties.unsubscribeSecret().isBlank()) {
			secret = properties.unsubscribeSecret().getBytes(StandardCharsets.UTF_8);
		}
		else {
			secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			LoggerFactory.getLogger(UnsubscribeTokens.class)
				.info("No pinnwand.notifications.unsubscribe-secret set: "
						+ "unsubscribe links in mails work until the app restarts");
		}
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	public String tokenFor(UUID accountId) {
		byte[] id = bytes(accountId);
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(ByteBuffer.allocate(ID_LENGTH + MAC_LENGTH).put(id).put(mac(id)).array());
	}

	/** The account a token was made for; empty for anything else, whatever it is. */
	public Optional<UUID> accountOf(String token) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		byte[] raw;
		try {
			raw = Base64.getUrlDecoder().decode(token.strip());
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (raw.length != ID_LENGTH + MAC_LENGTH) {
			return Optional.empty();
		}
		ByteBuffer buffer = ByteBuffer.wrap(raw);
		byte[] id = new byte[ID_LENGTH];
		byte[] mac = new byte[MAC_LENGTH];
		buffer.get(id).get(mac);
		if (!MessageDigest.isEqual(mac, mac(id))) {
			return Optional.empty();
		}
		ByteBuffer ids = ByteBuffer.wrap(id);
		return Optional.of(new UUID(ids.getLong(), ids.getLong()));
	}

	private byte[] mac(byte[] id) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update("unsubscribe:".getBytes(StandardCharsets.US_ASCII));
			return mac.doFinal(id);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	private static byte[] bytes(UUID id) {
		return ByteBuffer.allocate(ID_LENGTH)
			.putLong(id.getMostSignificantBits())
			.putLong(id.getLeastSignificantBits())
			.array();
	}

}
