package de.pinnwand.places;

/**
 * One German place: a (postcode, place name) pair with its district, state and centroid.
 *
 * @param postcode the five-digit postcode
 * @param name the place name, as GeoNames spells it ("Ludwigsburg", "Hamburg Altstadt")
 * @param district the district (Landkreis or kreisfreie Stadt), e.g. "Landkreis
 * Ludwigsburg"
 * @param state the federal state, e.g. "Baden-Württemberg"
 * @param lat latitude of the centroid in degrees (good to a few kilometres)
 * @param lon longitude of the centroid in degrees
 */
public record Place(String postcode, String name, String district, String state, double lat, double lon) {

	/**
	 * Great-circle distance between the centroids of this place and another, in
	 * kilometres.
	 */
	public double distanceKm(Place other) {
		return Gazetteer.distanceKm(this.lat, this.lon, other.lat, other.lon);
	}

}
