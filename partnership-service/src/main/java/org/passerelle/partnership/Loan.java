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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.commons.time.Now;

/**
 * A computer lent to a learner, known only by their pseudonymous learnerId, with the learner's
 * acceptance; open until the computer comes back or is given. Once the person is erased the loan
 * keeps no link to them.
 */
@Entity
@Table(name = "loan")
public class Loan {
  @Id public UUID id;

  @Column(name = "device_id")
  public UUID deviceId;

  public String country;
  public String site;

  @Column(name = "learner_id")
  public UUID learnerId;

  @Column(name = "learner_erased")
  public boolean learnerErased;

  @Column(name = "lent_at")
  public OffsetDateTime lentAt;

  @Column(name = "expected_return")
  public LocalDate expectedReturn;

  /** The day the learner signed the loan agreement, and that agreement's reference. */
  @Column(name = "accepted_on")
  public LocalDate acceptedOn;

  @Column(name = "acceptance_ref")
  public String acceptanceReference;

  @Column(name = "lent_by")
  public String lentBy;

  @Enumerated(EnumType.STRING)
  @Column(name = "recall_reason")
  public RecallReason recallReason;

  @Column(name = "recall_flagged_at")
  public OffsetDateTime recallFlaggedAt;

  @Column(name = "ended_at")
  public OffsetDateTime endedAt;

  @Enumerated(EnumType.STRING)
  public LoanOutcome outcome;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  @Version public long version;

  /** Its last change, stamped on every write for the view's updatedAt (ADR 0043). */
  @PrePersist
  @PreUpdate
  void stampUpdatedAt() {
    updatedAt = updatedAt == null && lentAt != null ? lentAt : Now.stamp();
  }

  public boolean open() {
    return endedAt == null;
  }
}
