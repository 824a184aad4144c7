package de.pinnwand.activities;

import java.time.LocalDate;

/** How many people have a place and how many wait, for one occurrence. */
public record OccurrenceCount(LocalDate occurrence, int confirmed, int waiting) {

}
