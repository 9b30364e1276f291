package org.passerelle.partnership.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.passerelle.partnership.PartnerContact;

@ApplicationScoped
public class PartnerContactRepository implements PanacheRepositoryBase<PartnerContact, UUID> {

  /** A partner's contacts not erased, by name. */
  public PanacheQuery<PartnerContact> current(UUID partnerId) {
    return current(partnerId, Sort.by("name").and("id"));
  }

  /** A partner's contacts not erased, in this order. */
  public PanacheQuery<PartnerContact> current(UUID partnerId, Sort sort) {
    return find("partnerId = ?1 and erasedAt is null", sort, partnerId);
  }
}
