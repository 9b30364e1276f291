package org.passerelle.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.passerelle.commons.time.Now;
import org.passerelle.placement.KnownPartner;
import org.passerelle.placement.PartnerStatus;
import org.passerelle.placement.repository.KnownPartnerRepository;

/**
 * The partners job offers may name, as partnership-service announced them (ADR 0015): this
 * service's copy, written only from partnership-service's events.
 */
@ApplicationScoped
public class KnownPartnerService {

  private final KnownPartnerRepository partners;
  private final Now now;

  KnownPartnerService(KnownPartnerRepository partners, Now now) {
    this.partners = partners;
    this.now = now;
  }

  /**
   * Keeps a partner partnership-service registered, as ACTIVE; false when it was known already. A
   * partner is registered once and its id and country never change: a copy already here is this
   * partner (a replay under another event id), and anything learned later is newer.
   */
  @Transactional
  public boolean learn(UUID id, String country) {
    if (partners.findByIdOptional(id).isPresent()) {
      return false;
    }
    KnownPartner partner = new KnownPartner();
    partner.id = id;
    partner.country = country;
    partner.status = PartnerStatus.ACTIVE;
    partner.version = 0;
    partner.learnedAt = now.timestamp();
    partners.persist(partner);
    return true;
  }

  /**
   * Keeps the partner's status as partnership-service changed it, from the newest version only:
   * events of one partner arrive in order, but a redelivered or replayed older one must not take it
   * back. A partner not learned yet (its registration older than the topic's retention) is learned
   * from this event. Returns false, changing nothing, when the copy here is as new or newer.
   */
  @Transactional
  public boolean changed(UUID id, String country, PartnerStatus status, long version) {
    // Locked: two instances briefly sharing a partition during a rebalance must not both decide
    // from the same stored version.
    KnownPartner partner =
        partners.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElse(null);
    if (partner == null) {
      partner = new KnownPartner();
      partner.id = id;
      partner.country = country;
      partner.status = status;
      partner.version = version;
      partner.learnedAt = now.timestamp();
      partners.persist(partner);
      return true;
    }
    if (version <= partner.version) {
      return false;
    }
    partner.status = status;
    partner.version = version;
    return true;
  }
}
