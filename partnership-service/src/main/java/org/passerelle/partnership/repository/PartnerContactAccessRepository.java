package org.passerelle.partnership.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.passerelle.partnership.PartnerContactAccess;

@ApplicationScoped
public class PartnerContactAccessRepository
    implements PanacheRepositoryBase<PartnerContactAccess, UUID> {

  private static final Sort NEWEST_FIRST =
      Sort.by("at", Sort.Direction.Descending).and("id", Sort.Direction.Descending);

  /** A partner's log, newest first. */
  public PanacheQuery<PartnerContactAccess> ofPartner(UUID partnerId) {
    return ofPartner(partnerId, NEWEST_FIRST);
  }

  /** A partner's log, in this order. */
  public PanacheQuery<PartnerContactAccess> ofPartner(UUID partnerId, Sort sort) {
    return find("partnerId = ?1", sort, partnerId);
  }

  /**
   * What reached one person: the reads and changes of their record, and the lists of their
   * partner's contacts made while they were on it.
   */
  public PanacheQuery<PartnerContactAccess> ofContact(
      UUID partnerId, UUID contactId, OffsetDateTime since) {
    return find(
        "partnerId = :partner and (contactId = :contact or (contactId is null and at >= :since))",
        NEWEST_FIRST,
        Map.of("partner", partnerId, "contact", contactId, "since", since));
  }
}
