package de.pinnwand.accounts;

import java.util.UUID;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Mono;

/** The accounts table. */
interface Accounts extends ReactiveCrudRepository<Account, UUID> {

	Mono<Account> findBySubject(String subject);

}
