package org.passerelle.placement.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.passerelle.placement.IndicatorClosure;

@ApplicationScoped
public class IndicatorClosureRepository implements PanacheRepositoryBase<IndicatorClosure, UUID> {

  /** The closure of exactly this country's period, if it was closed. */
  public Optional<IndicatorClosure> of(String country, LocalDate from, LocalDate to) {
    return find("country = ?1 and periodFrom = ?2 and periodTo = ?3", country, from, to)
        .firstResultOptional();
  }
}
