package org.passerelle.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A partner organisation as partnership-service announced it: what a cohort's funders may name. */
@Entity
@Table(name = "known_partner")
public class KnownPartner {
  @Id public UUID id;
  public String country;

  /** Its name as last announced; null for a partner learned before names were kept. */
  public String name;

  @Enumerated(EnumType.STRING)
  public PartnerStatus status;

  /**
   * partnership-service's version of the partner this copy holds (0: as registered), not this
   * row's: only a newer partner-changed replaces it.
   */
  public long version;

  @Column(name = "learned_at")
  public OffsetDateTime learnedAt;
}
