package de.pinnwand.legal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who runs this Pinnwand, as the Impressum (§ 5 DDG, § 18 MStV), the privacy notice
 * (DSGVO Art. 13) and the accessibility statement (BITV 2.0) name them. Nothing about the
 * operator is made up: what is not set is shown as missing, so the operator sees what to
 * fill in.
 *
 * @param operatorName the body that runs the portal (e.g. "Landratsamt Ludwigsburg");
 * unset, the Impressum says that the operator has to fill it in
 * @param operatorAddress the operator's postal address, one line per entry
 * (comma-separated in a property)
 * @param representative who represents the operator by law (e.g. "Landrat …"), and for
 * the content under § 18 MStV
 * @param email the operator's contact e-mail address, public
 * @param phone the operator's contact telephone number, public
 * @param supervisoryAuthority the data protection supervisory authority readers may
 * complain to (name and address, one line per entry); the default is the authority of
 * Baden-Württemberg, where the default home district lies
 * @param dataProtectionOfficer how to reach the operator's data protection officer (one
 * line per entry)
 * @param conciliationName the conciliation body for accessibility complaints (§ 16 BGG or
 * the state's body)
 * @param conciliationAddress its postal address, one line per entry
 * @param conciliationUrl its web address
 * @param accessibilityReviewed the day the accessibility statement was last checked
 * against the site
 * @param signLanguageVideo the address of the operator's video in German Sign Language
 * (DGS) that explains the site; unset, the page in Leichte Sprache says there is none yet
 */
@ConfigurationProperties("pinnwand.legal")
public record LegalProperties(String operatorName, List<String> operatorAddress, String representative, String email,
		String phone, @DefaultValue( {
				"Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Baden-Württemberg",
				"Lautenschlagerstraße 20", "70173 Stuttgart",
				"https://www.baden-wuerttemberg.datenschutz.de" }) List<String> supervisoryAuthority,
		List<String> dataProtectionOfficer,
		@DefaultValue("Schlichtungsstelle nach dem Behindertengleichstellungsgesetz (§ 16 BGG)") String conciliationName,
		@DefaultValue({ "bei dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen",
				"Mauerstraße 53", "10117 Berlin" }) List<String> conciliationAddress,
		@DefaultValue("https://www.schlichtungsstelle-bgg.de") URI conciliationUrl,
		@DefaultValue("2026-12-07") LocalDate accessibilityReviewed, URI signLanguageVideo){

	public LegalProperties {
		operatorName = blankToNull(operatorName);
		representative = blankToNull(representative);
		email = blankToNull(email);
		phone = blankToNull(phone);
		operatorAddress = lines(operatorAddress);
		supervisoryAuthority = lines(supervisoryAuthority);
		dataProtectionOfficer = lines(dataProtectionOfficer);
		conciliationAddress = lines(conciliationAddress);
		for (URI uri : new URI[] { conciliationUrl, signLanguageVideo }) {
			if (uri != null && !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
				throw new IllegalArgumentException("pinnwand.legal.* addresses must be http(s) URLs: " + uri);
			}
		}
	}

	/**
	 * Whether the operator filled in who they are; without it the Impressum is not
	 * complete.
	 */
	public boolean operatorConfigured() {
		return this.operatorName != null;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static List<String> lines(List<String> lines) {
		return (lines == null) ? List.of()
				: lines.stream().map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

}
