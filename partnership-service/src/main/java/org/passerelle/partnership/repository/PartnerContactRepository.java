package org.passerelle.partnership.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.passerelle.partnership.PartnerContact;

@ApplicationScoped
public class PartnerContactRepository implements PanacheRepositoryBase<PartnerContact, UUID> {

  /** A partner's contacts not erased, by name. */
  public List<PartnerContact> current(UUID partnerId) {
    return list("partnerId = ?1 and erasedAt is null", Sort.by("name").and("id"), partnerId);
  }
}
