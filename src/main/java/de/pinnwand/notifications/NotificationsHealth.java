package de.pinnwand.notifications;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code /actuator/health} component "mailOutbox": mails waiting in the outbox and mails
 * given up on after every attempt (their errors are in {@code mail_outbox.last_error}).
 * Always UP: an unreachable mail server must not take the portal out of a load balancer;
 * a growing {@code failedMails} is what an admin watches.
 */
@Component("mailOutbox")
class NotificationsHealth extends AbstractReactiveHealthIndicator {

	private final MailDelivery delivery;

	NotificationsHealth(MailDelivery delivery) {
		super("Notification health check failed");
		this.delivery = delivery;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return this.delivery.counts()
			.map((counts) -> builder.up()
				.withDetail("pendingMails", counts.pending())
				.withDetail("failedMails", counts.failed())
				.build());
	}

}
