package de.pinnwand.system.embedded;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the app runs the embedded mail server: beans that only make sense with it
 * (the mail page).
 */
public class EmbeddedMailRunning implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return context.getEnvironment().getProperty(EmbeddedLaunch.MAIL_RUNNING, Boolean.class, false);
	}

}
