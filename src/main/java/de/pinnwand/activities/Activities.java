package de.pinnwand.activities;

import java.util.UUID;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

/** The activities table. */
public interface Activities extends ReactiveCrudRepository<Activity, UUID> {

}
