package org.passerelle.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.passerelle.cohort.KnownPartner;
import org.passerelle.cohort.PartnerStatus;
import org.passerelle.cohort.repository.KnownPartnerRepository;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.time.Now;
import org.passerelle.problem.Messages;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/**
 * The partners a cohort's funders may name, as partnership-service announced them (ADR 0020): this
 * service's copy, written only from partnership-service's events.
 */
@ApplicationScoped
public class KnownPartnerService {

  static final String FUNDER_PARTNER_IDS = "funderPartnerIds";

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
  public boolean learn(UUID id, String country, String name) {
    if (partners.findByIdOptional(id).isPresent()) {
      return false;
    }
    KnownPartner partner = new KnownPartner();
    partner.id = id;
    partner.country = country;
    partner.name = name;
    partner.status = PartnerStatus.ACTIVE;
    partner.version = 0;
    partner.learnedAt = now.timestamp();
    partners.persist(partner);
    return true;
  }

  /**
   * Keeps the partner's name and status as partnership-service changed them, from the newest
   * version only: events of one partner arrive in order, but a redelivered or replayed older one
   * must not take it back. A partner not learned yet (its registration older than the topic's
   * retention) is learned from this event. Returns false, changing nothing, when the copy here is
   * as new or newer.
   */
  @Transactional
  public boolean changed(UUID id, String country, String name, PartnerStatus status, long version) {
    // Locked: two instances briefly sharing a partition during a rebalance must not both decide
    // from the same stored version.
    KnownPartner partner =
        partners.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElse(null);
    if (partner == null) {
      partner = new KnownPartner();
      partner.id = id;
      partner.country = country;
      partner.learnedAt = now.timestamp();
    } else if (version <= partner.version) {
      return false;
    }
    partner.name = name;
    partner.status = status;
    partner.version = version;
    partners.persist(partner);
    return true;
  }

  /**
   * Refuses (422, one field error per id) funder ids that are not partners known in the cohort's
   * country, named twice, or inactive and not among {@code funding}, the cohort's funders already:
   * a partnership that ended keeps the cohorts it funded, and funds no new one. This service only
   * knows partners from their events: one registered a moment ago may not be known yet, and is
   * refused rather than taken on trust; the caller retries.
   */
  void requireFunders(List<UUID> ids, String country, Collection<UUID> funding) {
    if (ids.isEmpty()) {
      return;
    }
    Map<UUID, KnownPartner> known =
        partners.list("id in ?1", Set.copyOf(ids)).stream()
            .collect(Collectors.toMap(partner -> partner.id, Function.identity()));
    List<Problem.FieldError> errors = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      UUID id = ids.get(i);
      String field = FUNDER_PARTNER_IDS + "[" + i + "]";
      KnownPartner partner = known.get(id);
      if (partner == null || !partner.country.equals(country)) {
        errors.add(
            new Problem.FieldError(
                field, Messages.format(null, "unprocessable.partner-not-known", id, country)));
      } else if (!seen.add(id)) {
        errors.add(
            new Problem.FieldError(
                field, Messages.format(null, "unprocessable.funder-partner-twice", id)));
      } else if (partner.status == PartnerStatus.INACTIVE && !funding.contains(id)) {
        errors.add(
            new Problem.FieldError(
                field, Messages.format(null, "unprocessable.funder-partner-inactive", id)));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          ProblemType.UNPROCESSABLE, errors, "unprocessable.cohort-funder-partners");
    }
  }
}
