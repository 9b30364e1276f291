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
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

  /** Codes of the competency blocks obtained when they completed. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "certification_blocks")
  public List<String> certificationBlocks;

  /** Session days recorded for them in the cohort they left; null when cohort-service said none. */
  @Column(name = "session_days")
  public Integer sessionDays;

  /** Of those, the days they came (present or late). */
  @Column(name = "attended_days")
  public Integer attendedDays;

  /**
   * When they left their latest cohort before it started (not an entrant); null when they did not,
   * or were seated again since.
   */
  @Column(name = "withdrew_before_start_at")
  public OffsetDateTime withdrewBeforeStartAt;

  /** Their latest seat came from a transfer (a transferred learner is never a dropout). */
  @Column(name = "transferred_in")
  public boolean transferredIn;

  /** As declared at enrolment (FEMALE, MALE...); the categories are null until heard of. */
  public String gender;

  @Column(name = "age_band")
  public String ageBand;

  @Column(name = "education_level")
  public String educationLevel;

  @Column(name = "job_seeker")
  public Boolean jobSeeker;

  /** PRIORITY_NEIGHBOURHOOD, REFUGEE...; empty when none was declared. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "priority_publics")
  public List<String> priorityPublics;

  /** When the categories held were declared (the newest application-enrolled's time). */
  @Column(name = "categories_as_of")
  public OffsetDateTime categoriesAsOf;

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
