package org.passerelle.partnership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One fact behind a commitment's progress: a placement, a donation or a prize by its id, or an
 * amount staff recorded with a note and their name.
 */
@Entity
@Table(name = "commitment_evidence")
public class CommitmentEvidence {
  @Id public UUID id;

  @Column(name = "commitment_id")
  public UUID commitmentId;

  @Enumerated(EnumType.STRING)
  public EvidenceSource source;

  /** The placement's, donation's or prize's id; for a manual entry, its own id. */
  public String reference;

  public BigDecimal amount;

  @Column(name = "occurred_on")
  public LocalDate occurredOn;

  /** Staff's note on a manual entry; never published. */
  public String note;

  /** The token subject of who recorded a manual entry. */
  public String author;

  @Column(name = "recorded_at")
  public OffsetDateTime recordedAt;
}
