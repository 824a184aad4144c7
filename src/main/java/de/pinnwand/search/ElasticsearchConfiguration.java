package de.pinnwand.search;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Elasticsearch Java client (8.19, pinned to the server's major version), async for
 * the reactive path.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

	@Bean(destroyMethod = "close")
	RestClient elasticsearchRestClient(SearchProperties properties, Environment environment) {
		// Read through the environment: the embedded node's address is only known once it
		// is asked for.
		String[] uris = environment.getProperty("pinnwand.search.uris", String[].class);
		if (uris == null || uris.length == 0) {
			throw new IllegalStateException(
					"pinnwand.search.uris is not set and the embedded node did not start (see the error logged above)");
		}
		HttpHost[] hosts = Arrays.stream(uris)
			.map(String::strip)
			.map(URI::create)
			.map((uri) -> new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme()))
			.toArray(HttpHost[]::new);
		RestClientBuilder builder = RestClient.builder(hosts)
			.setRequestConfigCallback((config) -> config.setConnectTimeout(2000)
				.setSocketTimeout((int) properties.requestTimeout().toMillis())
				// Waiting for a free pooled connection counts against the same deadline
				// (unbounded by default).
				.setConnectionRequestTimeout((int) properties.requestTimeout().toMillis()));
		// The rest client keeps a scheme per node in an auth cache that the HTTP client
		// deserialises (Java
		// serialisation) on every request, whether there are credentials or not; a
		// profile of the search under
		// load showed it. Without the cache, credentials go along with every request
		// instead (preemptive Basic).
		builder.setHttpClientConfigCallback((http) -> http.disableAuthCaching());
		if (StringUtils.hasText(properties.username())) {
			String token = properties.username() + ":" + ((properties.password() != null) ? properties.password() : "");
			builder.setDefaultHeaders(new Header[] { new BasicHeader(HttpHeaders.AUTHORIZATION,
					"Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8))) });
		}
		return builder.build();
	}

	@Bean
	ElasticsearchTransport elasticsearchTransport(RestClient restClient) {
		return new RestClientTransport(restClient, new Jackson3JsonpMapper(JsonMapper.builder().build()));
	}

	@Bean
	ElasticsearchAsyncClient elasticsearchAsyncClient(ElasticsearchTransport transport) {
		return new ElasticsearchAsyncClient(transport);
	}

	/**
	 * Blocking client for tests and operator tasks; the request path uses the async one.
	 */
	@Bean
	ElasticsearchClient elasticsearchClient(ElasticsearchTransport transport) {
		return new ElasticsearchClient(transport);
	}

}
