package de.pinnwand.listings;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long Pinnwand keeps what is no longer needed (DSGVO Art. 5 (1) e, storage
 * limitation).
 *
 * @param purgeAfter how long expired and withdrawn listings are kept after they ended (so
 * the poster can still renew or look them up), before they are deleted from the database
 * and the search index
 * @param sweepInterval how often the retention sweep looks for listings to purge
 */
@ConfigurationProperties("pinnwand.retention")
public record RetentionProperties(@DefaultValue("180d") Duration purgeAfter,
		@DefaultValue("1h") Duration sweepInterval) {
}
