package org.passerelle.placement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A country's closed indicator period: its figures are read from the facts frozen when it was
 * closed (or by its latest correction, see {@link IndicatorClosureRevision}), whatever arrives
 * later.
 */
@Entity
@Table(name = "indicator_closure")
public class IndicatorClosure {
  @Id public UUID id;

  public String country;

  @Column(name = "period_from")
  public LocalDate periodFrom;

  @Column(name = "period_to")
  public LocalDate periodTo;

  @Column(name = "closed_by")
  public String closedBy;

  @Column(name = "closed_at")
  public OffsetDateTime closedAt;

  @Version public long version;
}
