package de.pinnwand.places;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deployment's home area: the districts and states whose places are "local". A place
 * is in the home area when its district is listed or its state is listed; when both lists
 * are empty, all of Germany is the home area. Names that match no district or state stop
 * the application at startup rather than silently shrink the area.
 *
 * @param homeDistricts districts of the home area, as the gazetteer spells them
 * ("Landkreis Ludwigsburg", "Stadtkreis Stuttgart"), any other spelling in the data's
 * {@code community} column, or the five-digit district key ("08118")
 * @param homeStates federal states wholly in the home area, by name ("Baden-Württemberg")
 * or two-letter code ("BW")
 */
@ConfigurationProperties("pinnwand.places")
public record PlacesProperties(@DefaultValue("Landkreis Ludwigsburg") List<String> homeDistricts,
		@DefaultValue List<String> homeStates) {

	public PlacesProperties {
		homeDistricts = (homeDistricts != null) ? List.copyOf(homeDistricts) : List.of();
		homeStates = (homeStates != null) ? List.copyOf(homeStates) : List.of();
	}

}
