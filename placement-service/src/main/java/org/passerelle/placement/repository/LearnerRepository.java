package org.passerelle.placement.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.passerelle.placement.Learner;

@ApplicationScoped
public class LearnerRepository implements PanacheRepositoryBase<Learner, UUID> {

  /** The learner a learner's own token speaks for, once enrollment linked their account. */
  public Optional<Learner> byAccount(String accountSubject) {
    return find("accountSubject = ?1 and erasedAt is null", accountSubject).firstResultOptional();
  }

  /** The learners of these countries a cohort seated (or whose withdrawal named their cohort). */
  public List<Learner> seatedIn(Set<String> countries) {
    return list("country in ?1 and cohortId is not null", countries);
  }
}
