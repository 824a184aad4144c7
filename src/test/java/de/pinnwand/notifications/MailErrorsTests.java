package de.pinnwand.notifications;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a failed send leaves in the log and in the outbox names no person's e-mail
 * address.
 */
class MailErrorsTests {

	@Test
	void keepsNoAddressOfTheServersRefusal() {
		MailSendException refused = new MailSendException("Failed messages", new MessagingException(
				"550 5.1.1 <amal.k@example.org>: Recipient address rejected; from pinnwand@localhost"));
		assertThat(MailDelivery.describe(refused)).contains("550 5.1.1", "Recipient address rejected")
			.doesNotContain("amal.k@example.org", "pinnwand@localhost", "@");
	}

}
