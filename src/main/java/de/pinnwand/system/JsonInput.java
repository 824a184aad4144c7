package de.pinnwand.system;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How JSON request bodies are read: every string value passes {@link CleanText} (a
 * forbidden character is a field error, not a row PostgreSQL refuses or a feed that
 * breaks), and a boolean is only a JSON boolean, so that {@code 1} or {@code "yes"}
 * cannot stand for an irreversible yes (disclosing one's phone number).
 */
@Configuration(proxyBeanMethods = false)
class JsonInput {

	@Bean
	JsonMapperBuilderCustomizer strictJsonInput() {
		SimpleModule module = new SimpleModule("pinnwand-clean-text");
		module.addDeserializer(String.class, new CleanStrings());
		return (builder) -> builder.addModule(module)
			.withCoercionConfig(LogicalType.Boolean,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
	}

	/** A string value that holds a character {@link CleanText} keeps out. */
	static final class ForbiddenCharactersInJson extends MismatchedInputException {

		ForbiddenCharactersInJson(JsonParser parser) {
			super(parser, "Text with forbidden characters", String.class);
		}

	}

	/**
	 * Reads strings as Jackson does, then checks them; line breaks only in fields that
	 * take several lines.
	 */
	static final class CleanStrings extends StdScalarDeserializer<String> {

		CleanStrings() {
			super(String.class);
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.Textual;
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = StringDeserializer.instance.deserialize(parser, context);
			if (value != null && !CleanText.isClean(value, CleanText.isMultiLine(fieldName(parser)))) {
				throw new ForbiddenCharactersInJson(parser);
			}
			return value;
		}

		@Override
		public Object getEmptyValue(DeserializationContext context) {
			return "";
		}

		/** The name of the field the value belongs to, also for the items of a list. */
		private static String fieldName(JsonParser parser) {
			TokenStreamContext context = parser.streamReadContext();
			while (context != null && context.inArray()) {
				context = context.getParent();
			}
			return (context != null) ? context.currentName() : null;
		}

	}

}
