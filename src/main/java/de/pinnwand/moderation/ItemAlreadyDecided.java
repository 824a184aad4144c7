package de.pinnwand.moderation;

import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A reported item no longer waits for a decision: another coordinator decided first
 * (409).
 */
public class ItemAlreadyDecided extends OptimisticLockingFailureException {

	public ItemAlreadyDecided(String type, UUID id) {
		super("The " + type + " " + id + " was decided in the meantime");
	}

}
