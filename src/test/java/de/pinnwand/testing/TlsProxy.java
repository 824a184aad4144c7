package de.pinnwand.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Debian's nginx terminating TLS on loopback in front of an app, as a county's reverse
 * proxy does: a throw-away certificate for {@code localhost}, {@code X-Forwarded-Proto},
 * {@code -Host} and {@code -For} set the documented way (README, "Deploying behind the
 * county's proxy"). Started as a child process, stopped by its PID.
 */
public final class TlsProxy implements AutoCloseable {

	private static final Path NGINX = Path.of("/usr/sbin/nginx");

	private final Path folder;

	private final Process process;

	private final int port;

	private final SSLContext trust;

	private TlsProxy(Path folder, Process process, int port, SSLContext trust) {
		this.folder = folder;
		this.process = process;
		this.port = port;
		this.trust = trust;
	}

	/**
	 * Starts nginx on a free loopback port in front of
	 * {@code http://127.0.0.1:<upstreamPort>}; skips without nginx.
	 */
	public static TlsProxy start(int upstreamPort) throws IOException, InterruptedException {
		DebianPackages.require(List.of("nginx"), NGINX);
		DebianPackages.require(List.of("openssl"), Path.of("/usr/bin/openssl"));
		Path folder = Files.createTempDirectory("pinnwand-nginx-");
		run(folder, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-addext",
				"subjectAltName=DNS:localhost,IP:127.0.0.1", "-days", "1", "-keyout", "key.pem", "-out", "cert.pem");
		int port = freePort();
		// As root, nginx's workers would run as nobody, who cannot write the run's temp
		// folders.
		String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
		String config = user + """
				worker_processes 1;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log warn;
				events { worker_connections 256; }
				http {
				  access_log off;
				  client_body_temp_path %1$s/body;
				  proxy_temp_path %1$s/proxy;
				  fastcgi_temp_path %1$s/fastcgi;
				  uwsgi_temp_path %1$s/uwsgi;
				  scgi_temp_path %1$s/scgi;
				  server {
				    listen 127.0.0.1:%2$d ssl;
				    server_name localhost;
				    ssl_certificate %1$s/cert.pem;
				    ssl_certificate_key %1$s/key.pem;
				    location / {
				      proxy_pass http://127.0.0.1:%3$d;
				      proxy_set_header X-Forwarded-Proto $scheme;
				      proxy_set_header X-Forwarded-Host $http_host;
				      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
				    }
				  }
				}
				""".formatted(folder, port, upstreamPort);
		Files.writeString(folder.resolve("nginx.conf"), config);
		Process process = new ProcessBuilder(NGINX.toString(), "-p", folder.toString(), "-c",
				folder.resolve("nginx.conf").toString(), "-g", "daemon off;")
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("nginx.out").toFile())
			.start();
		TlsProxy proxy = new TlsProxy(folder, process, port, trusting(folder.resolve("cert.pem")));
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!proxy.listening()) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				String log = Files.exists(folder.resolve("error.log")) ? Files.readString(folder.resolve("error.log"))
						: "";
				proxy.close();
				throw new IllegalStateException("nginx did not start: " + log);
			}
			Thread.sleep(100);
		}
		return proxy;
	}

	/** The proxy's public address, {@code https://localhost:<port>}. */
	public String url() {
		return "https://localhost:" + this.port;
	}

	public int port() {
		return this.port;
	}

	/**
	 * An SSL context that trusts the proxy's certificate only, for clients of the test.
	 */
	public SSLContext trust() {
		return this.trust;
	}

	/** One HTTP answer as a client sees it. */
	public record Answer(int status, Map<String, List<String>> headers, String body) {

		public String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values == null || values.isEmpty()) ? null : values.get(0);
		}

		public List<String> headers(String name) {
			return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
		}

	}

	/**
	 * A GET through the proxy from a chosen loopback address (127.0.0.2, 127.0.0.3 …:
	 * Linux answers the whole 127/8), so that one test plays several visitors.
	 */
	public Answer get(String from, String pathAndQuery, Map<String, String> headers) throws IOException {
		try (Socket plain = new Socket(InetAddress.getByName("127.0.0.1"), this.port, InetAddress.getByName(from), 0);
				SSLSocket socket = (SSLSocket) this.trust.getSocketFactory()
					.createSocket(plain, "localhost", this.port, true)) {
			socket.startHandshake();
			return exchange(socket, this.port, pathAndQuery, headers);
		}
	}

	/**
	 * A plain-HTTP GET straight to a port on 127.0.0.1, from a chosen loopback address: a
	 * sender that is no proxy.
	 */
	public static Answer plainGet(String from, int port, String pathAndQuery, Map<String, String> headers)
			throws IOException {
		try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
			return exchange(socket, port, pathAndQuery, headers);
		}
	}

	/** One HTTP/1.1 GET on an open connection, read to its end. */
	private static Answer exchange(Socket socket, int port, String pathAndQuery, Map<String, String> headers)
			throws IOException {
		socket.setSoTimeout(30_000);
		StringBuilder request = new StringBuilder(
				"GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n");
		headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		OutputStream out = socket.getOutputStream();
		out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
		return parse(socket.getInputStream());
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		try (Stream<Path> files = Files.walk(this.folder)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temp folder left behind is no failure
		}
	}

	private boolean listening() {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Answer parse(InputStream in) throws IOException {
		byte[] all = in.readAllBytes();
		String text = new String(all, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		String head = (end >= 0) ? text.substring(0, end) : text;
		String[] lines = head.split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers
					.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
							(k) -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).strip());
			}
		}
		String body = (end >= 0) ? new String(all, end + 4, all.length - end - 4, StandardCharsets.UTF_8) : "";
		return new Answer(status, headers, body);
	}

	private static SSLContext trusting(Path certificate) throws IOException {
		try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(certificate))) {
			KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			store.setCertificateEntry("proxy", CertificateFactory.getInstance("X.509").generateCertificate(in));
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(store);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, factory.getTrustManagers(), null);
			return context;
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IOException("The proxy's certificate cannot be read", ex);
		}
	}

	private static void run(Path folder, String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(folder.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException("Failed: " + String.join(" ", command));
		}
	}

	/** A free port on the loopback interface. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
