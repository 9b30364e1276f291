package org.passerelle.placement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A school site as cohort-service announced it: where job offers may be relayed. */
@Entity
@Table(name = "known_site")
public class KnownSite {
  @Id public String code;
  public String country;

  @Column(name = "learned_at")
  public OffsetDateTime learnedAt;
}
