package de.pinnwand.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The listings index's definition ({@code search-mappings/listings.json}) with this
 * deployment's shards and replicas ({@code pinnwand.search.shards}, {@code .replicas}) in
 * place of the file's, so a cluster of several nodes gets copies without editing the
 * mapping. Its hash names the physical index: a changed mapping or shard count means a
 * new index, filled by a rebuild; the replicas are not in it, as they can change on the
 * live index.
 */
final class IndexDefinition {

	private static final String FILE = "search-mappings/listings.json";

	private final byte[] json;

	private final String hash;

	private final String refreshInterval;

	private final int replicas;

	private IndexDefinition(byte[] json, String hash, String refreshInterval, int replicas) {
		this.json = json;
		this.hash = hash;
		this.refreshInterval = refreshInterval;
		this.replicas = replicas;
	}

	static IndexDefinition load(SearchProperties properties) {
		JsonMapper mapper = JsonMapper.builder().build();
		ObjectNode definition = (ObjectNode) mapper.readTree(read());
		ObjectNode settings = (ObjectNode) definition.path("settings");
		settings.put("number_of_shards", properties.shards());
		String hash = hash(mapper.writeValueAsBytes(definition));
		settings.put("number_of_replicas", properties.replicas());
		return new IndexDefinition(mapper.writeValueAsBytes(definition), hash,
				settings.path("refresh_interval").asString("1s"), properties.replicas());
	}

	/** The definition to create an index with. */
	byte[] json() {
		return this.json.clone();
	}

	/** A short hash of the mapping and shard count, part of the physical index's name. */
	String hash() {
		return this.hash;
	}

	/**
	 * The definition's refresh interval, which a rebuild turns off until the index is
	 * full.
	 */
	String refreshInterval() {
		return this.refreshInterval;
	}

	/** How many copies of each shard this deployment keeps beside the primary. */
	int replicas() {
		return this.replicas;
	}

	private static byte[] read() {
		try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Index definition " + FILE + " is missing", ex);
		}
	}

	private static String hash(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 10);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
