package de.pinnwand.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Addresses and networks as clients and settings write them; never a DNS look-up for what
 * a header says.
 */
public final class IpAddresses {

	private static final Pattern IPV4_LITERAL = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	/**
	 * A bracketed or bare IPv6 literal: with a colon in it, {@link InetAddress} parses
	 * and never looks it up.
	 */
	private static final Pattern IPV6_LITERAL = Pattern.compile("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?");

	private IpAddresses() {
	}

	/** An address written as a literal, or null. */
	public static InetAddress literal(String text) {
		if (text == null || text.length() > 64) {
			return null;
		}
		String candidate = text.strip();
		try {
			Matcher ipv4 = IPV4_LITERAL.matcher(candidate);
			if (ipv4.matches()) {
				// By hand: InetAddress takes "999.1.1.1" for a host name and would look
				// it up.
				byte[] bytes = new byte[4];
				for (int i = 0; i < 4; i++) {
					int part = Integer.parseInt(ipv4.group(i + 1));
					if (part > 255) {
						return null;
					}
					bytes[i] = (byte) part;
				}
				return InetAddress.getByAddress(bytes);
			}
			return IPV6_LITERAL.matcher(candidate).matches() ? InetAddress.getByName(candidate) : null;
		}
		catch (UnknownHostException | IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * An address or a network in CIDR notation; Spring Security's IpAddressMatcher would
	 * need the servlet API.
	 */
	public record Network(byte[] address, int prefixLength) {

		public static Network parse(String text) {
			int slash = text.indexOf('/');
			InetAddress address = literal((slash < 0) ? text : text.substring(0, slash));
			if (address == null) {
				throw new IllegalArgumentException("Not an address or network: " + text);
			}
			int bits = address.getAddress().length * 8;
			int prefixLength;
			try {
				prefixLength = (slash < 0) ? bits : Integer.parseInt(text.substring(slash + 1).strip());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("Not an address or network: " + text);
			}
			if (prefixLength < 0 || prefixLength > bits) {
				throw new IllegalArgumentException("Not an address or network: " + text);
			}
			return new Network(address.getAddress(), prefixLength);
		}

		public boolean contains(InetAddress candidate) {
			byte[] other = candidate.getAddress();
			if (other.length != this.address.length) {
				return false;
			}
			for (int bit = 0; bit < this.prefixLength; bit++) {
				int mask = 0x80 >>> (bit % 8);
				if ((other[bit / 8] & mask) != (this.address[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
