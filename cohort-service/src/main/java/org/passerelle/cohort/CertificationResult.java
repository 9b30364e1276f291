package org.passerelle.cohort;

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
 * A jury's result for one learner of a cohort. Recording it completed the learner's training; the
 * certificate it issued, if any, is a {@link Certificate}.
 */
@Entity
@Table(name = "certification_result")
public class CertificationResult {
  @Id public UUID id;

  @Column(name = "cohort_id")
  public UUID cohortId;

  @Column(name = "learner_id")
  public UUID learnerId;

  @Enumerated(EnumType.STRING)
  public CertificationOutcome outcome;

  /** The day the jury decided. */
  @Column(name = "certified_on")
  public LocalDate certifiedOn;

  /**
   * The jury's reference (e.g. its minutes), for staff only: never shown to integrations, in events
   * or on certificates; null once the person was erased.
   */
  @Column(name = "jury_reference")
  public String juryReference;

  @Column(name = "recorded_at")
  public OffsetDateTime recordedAt;

  /** The token subject of the staff member who recorded it. */
  @Column(name = "recorded_by")
  public String recordedBy;

  @Version public long version;
}
