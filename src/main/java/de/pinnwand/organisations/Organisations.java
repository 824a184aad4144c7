package de.pinnwand.organisations;

import java.util.UUID;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

/** The organisations table. */
public interface Organisations extends ReactiveCrudRepository<Organisation, UUID> {

}
