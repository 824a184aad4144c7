package de.pinnwand.activities;

/** Whether an activity takes place once or every week on the same weekday and time. */
public enum Recurrence {

	NONE, WEEKLY

}
