package org.passerelle.placement.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.passerelle.placement.Placement;

@ApplicationScoped
public class PlacementRepository implements PanacheRepositoryBase<Placement, UUID> {

  /** Blanks the free text about an erased person; the categories stay (ADR 0012). */
  public int eraseFreeText(UUID learnerId) {
    return update(
        "evidenceNote = null, dismissalNote = null where learnerId = ?1"
            + " and (evidenceNote is not null or dismissalNote is not null)",
        learnerId);
  }

  /** Every placement of learners of these countries. */
  public List<Placement> inCountries(Set<String> countries) {
    return list("country in ?1", countries);
  }
}
