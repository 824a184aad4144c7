package de.pinnwand.organisations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of organisations.
 *
 * @param invitationDays how many days an invitation link can be used (once) after it was
 * made
 * @param logoMaxSize the largest logo file accepted for upload
 * @param logoPixels the largest width and height a logo is stored with; larger ones are
 * scaled down
 */
@ConfigurationProperties("pinnwand.organisations")
public record OrganisationsProperties(@DefaultValue("14") int invitationDays, @DefaultValue("2MB") DataSize logoMaxSize,
		@DefaultValue("256") int logoPixels) {

}
