package de.pinnwand.web;

import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.springframework.boot.mustache.autoconfigure.MustacheProperties;
import org.springframework.boot.mustache.reactive.view.MustacheView;
import org.springframework.boot.mustache.reactive.view.MustacheViewResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.result.view.AbstractUrlBasedView;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pages rendered from templates compiled once. Boot's reactive {@link MustacheView} reads
 * and compiles the template, and with it every partial of the layout, on every request: a
 * profile of the search page under load showed about a tenth of the app's time in the
 * Mustache parser. Templates are part of the jar and do not change while the app runs.
 * Set up like Boot's own resolver (which steps back when this one exists).
 */
@Configuration(proxyBeanMethods = false)
class CompiledTemplates {

	@Bean
	MustacheViewResolver mustacheViewResolver(Mustache.Compiler compiler, MustacheProperties properties) {
		Map<String, Template> compiled = new ConcurrentHashMap<>();
		MustacheViewResolver resolver = new MustacheViewResolver(compiler) {
			@Override
			protected AbstractUrlBasedView instantiateView() {
				return new CompiledView(compiled, compiler, properties.getCharset());
			}
		};
		resolver.setPrefix(properties.getPrefix());
		resolver.setSuffix(properties.getSuffix());
		resolver.setViewNames(properties.getViewNames());
		resolver.setRequestContextAttribute(properties.getRequestContextAttribute());
		resolver.setCharset(properties.getCharsetName());
		List<MediaType> mediaTypes = properties.getReactive().getMediaTypes();
		if (mediaTypes != null && !mediaTypes.isEmpty()) {
			resolver.setSupportedMediaTypes(mediaTypes);
		}
		resolver.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return resolver;
	}

	/**
	 * A Mustache view whose template is compiled the first time it is rendered and kept.
	 */
	static final class CompiledView extends MustacheView {

		private final Map<String, Template> compiled;

		private final Mustache.Compiler compiler;

		private final Charset charset;

		CompiledView(Map<String, Template> compiled, Mustache.Compiler compiler, Charset charset) {
			this.compiled = compiled;
			this.compiler = compiler;
			this.charset = charset;
		}

		@Override
		protected Mono<Void> renderInternal(Map<String, Object> model, MediaType contentType,
				ServerWebExchange exchange) {
			Template template;
			try {
				template = this.compiled.computeIfAbsent(getUrl(), this::compile);
			}
			catch (RuntimeException ex) {
				return Mono.error(ex);
			}
			Charset charset = (contentType != null && contentType.getCharset() != null) ? contentType.getCharset()
					: this.charset;
			DataBuffer buffer = exchange.getResponse().bufferFactory().allocateBuffer(4096);
			try (Writer writer = new OutputStreamWriter(buffer.asOutputStream(), charset)) {
				template.execute(model, writer);
				writer.flush();
			}
			catch (Exception ex) {
				DataBufferUtils.release(buffer);
				return Mono.error(ex);
			}
			return exchange.getResponse().writeWith(Flux.just(buffer));
		}

		private Template compile(String url) {
			Resource resource = getApplicationContext().getResource(url);
			try (Reader reader = new InputStreamReader(resource.getInputStream(), this.charset)) {
				return this.compiler.compile(reader);
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException("Template '" + url + "' not found", ex);
			}
		}

	}

}
