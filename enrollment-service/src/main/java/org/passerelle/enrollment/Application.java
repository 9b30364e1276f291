package org.passerelle.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.problem.ProblemType;

/** An applicant's application to an intake, and how its selection went. */
@Entity
@Table(name = "application")
public class Application {
  @Id public UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "applicant_id")
  public Applicant applicant;

  /** The intake's id, which is also the cohort's id in cohort-service. */
  @Column(name = "intake_id")
  public UUID intakeId;

  @Column(name = "site_code")
  public String siteCode;

  public String country;

  @Enumerated(EnumType.STRING)
  public ApplicationStatus status;

  @Enumerated(EnumType.STRING)
  public ApplicationChannel channel;

  /** The regional office's own reference, for imports that are re-sent. */
  @Column(name = "external_ref")
  public String externalRef;

  /** Hash of the request that created it under {@link #externalRef}: a re-sent row is unchanged. */
  @Column(name = "import_hash")
  public String importHash;

  @Column(name = "submitted_at")
  public OffsetDateTime submittedAt;

  /** Token subject of whoever submitted it (staff, integration or the learner). */
  @Column(name = "submitted_by")
  public String submittedBy;

  /** Selection test score, 0 to 100. */
  @Column(name = "test_score")
  public Integer testScore;

  @Column(name = "interview_notes")
  public String interviewNotes;

  @Column(name = "decision_reason")
  public String decisionReason;

  /** Token subject of the staff member who decided, or a system actor ({@code system:...}). */
  @Column(name = "decided_by")
  public String decidedBy;

  @Column(name = "decided_at")
  public OffsetDateTime decidedAt;

  /** When it last joined the waitlist: the date rule of the waitlist order. */
  @Column(name = "waitlisted_at")
  public OffsetDateTime waitlistedAt;

  @Column(name = "withdrawal_reason")
  public String withdrawalReason;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  @Version public long version;

  /** How the actors that decide without a person begin (the waitlist, cohort-service). */
  public static final String SYSTEM = "system:";

  /** Whether the last decision was a system's (a code as reason), not a staff member's. */
  public boolean decidedBySystem() {
    return decidedBy != null && decidedBy.startsWith(SYSTEM);
  }

  /** Moves to {@code target} if the selection process allows it; 409 otherwise. */
  public void moveTo(ApplicationStatus target, OffsetDateTime at) {
    if (!status.canMoveTo(target)) {
      throw new ProblemException(
          ProblemType.ILLEGAL_TRANSITION, "illegal-transition.detail", status, target);
    }
    status = target;
    updatedAt = at;
    if (target == ApplicationStatus.WAITLISTED) {
      waitlistedAt = at;
    }
  }
}
