package org.passerelle.partnership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.commons.time.Now;

/** What a partner promised in a convention, by when, and how far it got. */
@Entity
@Table(name = "commitment")
public class Commitment {
  @Id public UUID id;

  @Column(name = "convention_id")
  public UUID conventionId;

  @Column(name = "partner_id")
  public UUID partnerId;

  public String country;

  @Enumerated(EnumType.STRING)
  public CommitmentKind kind;

  /** Units (hires, places, hours, computers, prizes) or an amount of money in {@link #currency}. */
  public BigDecimal target;

  /** ISO 4217, for funding only. */
  public String currency;

  /** The sum of its evidence. */
  public BigDecimal progress = BigDecimal.ZERO;

  @Column(name = "due_on")
  public LocalDate dueOn;

  @Enumerated(EnumType.STRING)
  public CommitmentStatus status;

  /** When it was fulfilled or missed. */
  @Column(name = "closed_at")
  public OffsetDateTime closedAt;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  @Version public long version;

  /** Its last change, stamped on every write for the view's updatedAt (ADR 0043). */
  @PrePersist
  @PreUpdate
  void stampUpdatedAt() {
    updatedAt = updatedAt == null && createdAt != null ? createdAt : Now.stamp();
  }
}
