package org.passerelle.placement.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.passerelle.placement.KnownCohort;

@ApplicationScoped
public class KnownCohortRepository implements PanacheRepositoryBase<KnownCohort, UUID> {

  public List<KnownCohort> inCountries(Set<String> countries) {
    return list("country in ?1", countries);
  }
}
