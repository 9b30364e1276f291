package org.passerelle.partnership.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.passerelle.partnership.Partner;

@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, UUID> {

  /** Whether another partner of the country has this legal identifier. */
  public boolean legalIdentifierTaken(String country, String registrationNumber, UUID except) {
    return count(
            "country = ?1 and registrationNumber = ?2 and id <> ?3",
            country,
            registrationNumber,
            except)
        > 0;
  }
}
