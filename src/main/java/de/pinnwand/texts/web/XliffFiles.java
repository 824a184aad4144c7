package de.pinnwand.texts.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A language's texts as XLIFF 1.2, the exchange format translation tools (Weblate,
 * OmegaT, Trados) read: the German text as {@code source}, the language's as
 * {@code target}, the key as the unit's {@code id}. Reading refuses document type
 * declarations, so a file cannot make the parser fetch or expand anything.
 */
final class XliffFiles {

	private XliffFiles() {
	}

	static String write(String language, Map<String, String> german, Map<String, String> texts) {
		StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n")
			.append("  <file original=\"pinnwand\" datatype=\"plaintext\" source-language=\"de\" target-language=\"")
			.append(escape(language))
			.append("\">\n    <body>\n");
		texts.forEach((key, text) -> out.append("      <trans-unit id=\"")
			.append(escape(key))
			.append("\" xml:space=\"preserve\">\n        <source>")
			.append(escape(german.getOrDefault(key, "")))
			.append("</source>\n        <target>")
			.append(escape(text))
			.append("</target>\n      </trans-unit>\n"));
		return out.append("    </body>\n  </file>\n</xliff>\n").toString();
	}

	/** The targets by unit id; a unit without a target is left out. */
	static Map<String, String> read(byte[] xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setExpandEntityReferences(false);
		factory.setXIncludeAware(false);
		DocumentBuilder builder = factory.newDocumentBuilder();
		NodeList units = builder.parse(new ByteArrayInputStream(xml)).getElementsByTagNameNS("*", "trans-unit");
		Map<String, String> texts = new TreeMap<>();
		for (int i = 0; i < units.getLength(); i++) {
			Element unit = (Element) units.item(i);
			NodeList targets = unit.getElementsByTagNameNS("*", "target");
			if (targets.getLength() > 0 && !unit.getAttribute("id").isEmpty()) {
				texts.put(unit.getAttribute("id"), targets.item(0).getTextContent());
			}
		}
		return texts;
	}

	private static String escape(String value) {
		StringBuilder out = new StringBuilder(value.length());
		value.codePoints().forEach((c) -> {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\n' -> out.append("&#10;");
				default -> out.appendCodePoint(c);
			}
		});
		return out.toString();
	}

	static byte[] bytes(String xml) {
		return xml.getBytes(StandardCharsets.UTF_8);
	}

}
