package de.pinnwand.activities;

import java.time.Clock;
import java.util.UUID;

import de.pinnwand.moderation.ReportableItems;
import de.pinnwand.moderation.ReportedItem;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Activities can be reported; a hidden one is gone from the lists and feeds, takes no
 * sign-ups, and its page answers 404. Its hidden state is its own column, apart from what
 * its organisers save.
 */
@Component
class ReportableActivities implements ReportableItems {

	private final Activities activities;

	private final DatabaseClient database;

	private final Clock clock;

	ReportableActivities(Activities activities, DatabaseClient database, Clock clock) {
		this.activities = activities;
		this.database = database;
		this.clock = clock;
	}

	@Override
	public String type() {
		return "activity";
	}

	@Override
	public Mono<ReportedItem> describe(UUID id) {
		return this.activities.findById(id).zipWith(ActivityService.hidden(this.database, id)).map((both) -> {
			Activity activity = both.getT1();
			return new ReportedItem(type(), id, activity.title(), activity.description(), null, "/activities/" + id,
					activity.district(), activity.placeName(), activity.languages(), activity.createdBy(),
					activity.createdAt(), !both.getT2());
		});
	}

	@Override
	public Mono<Void> hide(UUID id) {
		return this.database.sql("update activity set hidden_at = :at where id = :id and hidden_at is null")
			.bind("at", this.clock.instant())
			.bind("id", id)
			.then();
	}

	@Override
	public Mono<Void> restore(UUID id) {
		return this.database.sql("update activity set hidden_at = null where id = :id").bind("id", id).then();
	}

}
