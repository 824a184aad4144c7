package de.pinnwand.system.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's mail server: GreenMail's SMTP server in this JVM on 127.0.0.1,
 * which keeps every mail it receives in memory for {@code /dev/mail} and the tests.
 * Nothing leaves the machine.
 */
public final class EmbeddedMailServer implements Supervisor.Service {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedMailServer.class);

	private final int port;

	private GreenMail server;

	/**
	 * Whether the server should run: set by a start, cleared by a stop on purpose (outage
	 * tests stop it).
	 */
	private boolean wanted;

	private Supervisor supervisor;

	/**
	 * @param port the SMTP port, 0 for any free one (kept across a stop and start)
	 */
	EmbeddedMailServer(int port) {
		this.port = (port != 0) ? port : FreePorts.pick();
	}

	/** A received mail, decoded. */
	public record Mail(List<String> to, String subject, Instant date, String text, String html,
			Map<String, String> headers) {
	}

	/** Starts the server; tests start it again after stopping it to play an outage. */
	public synchronized void start() {
		if (this.server != null) {
			return;
		}
		GreenMail started = new GreenMail(new ServerSetup(this.port, InetAddress.getLoopbackAddress().getHostAddress(),
				ServerSetup.PROTOCOL_SMTP))
			// Keycloak's realm sends with authentication (as in production); here any
			// name and password will do.
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		started.start();
		this.server = started;
		this.wanted = true;
		if (this.supervisor == null) {
			this.supervisor = new Supervisor(this).begin();
		}
		logger.info("Embedded mail server (SMTP) on 127.0.0.1:" + this.port);
	}

	/** Stops the server; mails it held are gone. */
	public synchronized void stop() {
		this.wanted = false;
		if (this.server != null) {
			this.server.stop();
			this.server = null;
		}
	}

	@Override
	public String name() {
		return "Embedded mail server";
	}

	/**
	 * Whether its SMTP thread ended without a stop (a failed accept loop, or a test
	 * ending it as a crash would).
	 */
	@Override
	public synchronized boolean died() {
		return this.wanted && (this.server == null || !this.server.getSmtp().isRunning());
	}

	@Override
	public String describe() {
		return "SMTP on 127.0.0.1:" + this.port;
	}

	/**
	 * Starts it again on the same port; mails it held are gone, as after any restart of a
	 * mail server.
	 */
	@Override
	public synchronized void restart() {
		if (!died()) {
			return;
		}
		if (this.server != null) {
			this.server.stop();
			this.server = null;
		}
		start();
	}

	/**
	 * Ends the SMTP service the way a crash would, without telling the supervisor; a test
	 * of healing uses it.
	 */
	public synchronized void crash() {
		this.server.getSmtp().stopService();
	}

	public int port() {
		return this.port;
	}

	/** Every mail received since the server started, oldest first. */
	public synchronized List<Mail> received() {
		if (this.server == null) {
			return List.of();
		}
		List<Mail> mails = new ArrayList<>();
		for (MimeMessage message : this.server.getReceivedMessages()) {
			try {
				mails.add(decode(message));
			}
			catch (MessagingException | IOException ex) {
				logger.warn("Cannot decode a received mail: " + ex.getMessage());
			}
		}
		return mails;
	}

	private static Mail decode(MimeMessage message) throws MessagingException, IOException {
		Address[] recipients = message.getAllRecipients();
		List<String> to = (recipients != null) ? Arrays.stream(recipients).map(Address::toString).toList() : List.of();
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (Header header : java.util.Collections.list(message.getAllHeaders())) {
			headers.putIfAbsent(header.getName(), header.getValue());
		}
		String[] parts = new String[2];
		collect(message, parts);
		Instant date = (message.getSentDate() != null) ? message.getSentDate().toInstant() : null;
		return new Mail(to, message.getSubject(), date, parts[0], parts[1], headers);
	}

	private static void collect(Part part, String[] texts) throws MessagingException, IOException {
		if (part.isMimeType("text/plain") && texts[0] == null) {
			texts[0] = String.valueOf(part.getContent());
		}
		else if (part.isMimeType("text/html") && texts[1] == null) {
			texts[1] = String.valueOf(part.getContent());
		}
		else if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				collect(body, texts);
			}
		}
	}

}
