package org.passerelle.cohort.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.passerelle.cohort.LearnerAccount;

@ApplicationScoped
public class LearnerAccountRepository implements PanacheRepositoryBase<LearnerAccount, String> {

  /** The learner a token subject leads to, if enrollment linked it. */
  public Optional<UUID> learnerOf(String accountSubject) {
    return accountSubject == null
        ? Optional.empty()
        : findByIdOptional(accountSubject).map(account -> account.learnerId);
  }

  public long forget(UUID learnerId) {
    return delete("learnerId", learnerId);
  }
}
