package org.passerelle.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

  @Column(name = "learned_at")
  public OffsetDateTime learnedAt;
}
