package de.pinnwand.moderation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The kinds of items other modules made reportable, by type; listings are the moderation
 * module's own and never among them.
 */
@Component
class ReportableTypes {

	private final Map<String, ReportableItems> byType;

	ReportableTypes(List<ReportableItems> reportable) {
		Map<String, ReportableItems> byType = new LinkedHashMap<>();
		for (ReportableItems items : reportable) {
			if (ModerationService.LISTING.equals(items.type()) || byType.putIfAbsent(items.type(), items) != null) {
				throw new IllegalStateException("A second kind of reportable item of type " + items.type());
			}
		}
		this.byType = Map.copyOf(byType);
	}

	/** The items of the type; null for an unknown type (or none). */
	ReportableItems get(String type) {
		return (type != null) ? this.byType.get(type) : null;
	}

	/** The types of items that can be reported, listings first. */
	List<String> types() {
		List<String> types = new ArrayList<>(List.of(ModerationService.LISTING));
		types.addAll(this.byType.keySet().stream().sorted().toList());
		return types;
	}

}
