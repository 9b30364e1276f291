package org.passerelle.placement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A learner as placement-service knows them from other services' events: a pseudonymous id, where
 * they trained, how their training ended, what they consented to, and the account that speaks for
 * them. No name, no email: personal data stays in enrollment-service (DESIGN §4).
 */
@Entity
@Table(name = "learner")
public class Learner {
  @Id
  @Column(name = "learner_id")
  public UUID learnerId;

  public String country;

  /** The site of their latest cohort. */
  @Column(name = "site_code")
  public String siteCode;

  @Column(name = "cohort_id")
  public UUID cohortId;

  @Column(name = "programme_code")
  public String programmeCode;

  /** When they got the seat of {@link #cohortId} (enrolment or transfer): the newest move wins. */
  @Column(name = "cohort_as_of")
  public OffsetDateTime cohortAsOf;

  /** The subject of the learner's own account (learner-account-linked); null until linked. */
  @Column(name = "account_subject")
  public String accountSubject;

  /** When enrollment linked the account (its event's linkedAt): an older link changes nothing. */
  @Column(name = "account_linked_at")
  public OffsetDateTime accountLinkedAt;

  /** Consent to be contacted after the training (follow-ups are scheduled only with it). */
  @Column(name = "follow_up_consent")
  public boolean followUpConsent;

  /** Consent to share their profile with the school's employer partners. */
  @Column(name = "cv_sharing_consent")
  public boolean cvSharingConsent;

  /** When the consents held here were given (the newest applied event's time). */
  @Column(name = "consents_as_of")
  public OffsetDateTime consentsAsOf;

  @Column(name = "enrolled_at")
  public OffsetDateTime enrolledAt;

  /** The day the training ended for them: completion or withdrawal, in the site's calendar. */
  @Column(name = "exit_date")
  public LocalDate exitDate;

  @Enumerated(EnumType.STRING)
  @Column(name = "exit_kind")
  public ExitKind exitKind;

  /** The coded reason when they withdrew (FOUND_JOB, HEALTH...), as cohort-service sent it. */
  @Column(name = "exit_reason")
  public String exitReason;

  /** Certification obtained when they completed (as cohort-service sent it). */
  public String certification;

  /** When enrollment-service erased the person: the account link is gone, categories stay. */
  @Column(name = "erased_at")
  public OffsetDateTime erasedAt;

  @Version public long version;

  /** How a learner's training ended. */
  public enum ExitKind {
    COMPLETED,
    WITHDREW
  }
}
