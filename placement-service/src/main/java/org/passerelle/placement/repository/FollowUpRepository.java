package org.passerelle.placement.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.passerelle.placement.FollowUp;

@ApplicationScoped
public class FollowUpRepository implements PanacheRepositoryBase<FollowUp, UUID> {

  /** Blanks staff's notes about an erased person; dates and outcomes stay (ADR 0012). */
  public int eraseFreeText(UUID learnerId) {
    return update("notes = null where learnerId = ?1 and notes is not null", learnerId);
  }

  /** Every follow-up of learners of these countries. */
  public List<FollowUp> inCountries(Set<String> countries) {
    return list("country in ?1", countries);
  }
}
