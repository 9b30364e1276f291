package org.passerelle.placement;

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
 * A date after a learner's exit at which the school asks where they are, at one of the country's
 * offsets (e.g. exit + 6 months). Closed by the situation it recorded or as unreachable.
 */
@Entity
@Table(name = "follow_up")
public class FollowUp {
  @Id public UUID id;

  @Column(name = "learner_id")
  public UUID learnerId;

  public String country;

  @Column(name = "site_code")
  public String siteCode;

  @Column(name = "cohort_id")
  public UUID cohortId;

  @Enumerated(EnumType.STRING)
  @Column(name = "exit_kind")
  public Learner.ExitKind exitKind;

  @Column(name = "exit_date")
  public LocalDate exitDate;

  @Column(name = "offset_months")
  public int offsetMonths;

  @Column(name = "due_on")
  public LocalDate dueOn;

  @Enumerated(EnumType.STRING)
  public FollowUpStatus status;

  /** Contact attempts that did not reach the learner. */
  public int attempts;

  @Column(name = "last_attempt_at")
  public OffsetDateTime lastAttemptAt;

  /** Staff's notes on the attempts; blanked when the person is erased. */
  public String notes;

  /** When follow-up-due announced it (once). */
  @Column(name = "due_announced_at")
  public OffsetDateTime dueAnnouncedAt;

  /** The situation it recorded (DONE). */
  @Column(name = "placement_id")
  public UUID placementId;

  @Enumerated(EnumType.STRING)
  @Column(name = "answered_by")
  public AnsweredBy answeredBy;

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

  /** Who recorded the situation of a follow-up: staff, or the learner answering it themself. */
  public enum AnsweredBy {
    STAFF,
    LEARNER
  }
}
