package org.passerelle.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A learner's attendance on one session day of their cohort. */
@Entity
@Table(name = "attendance")
public class AttendanceRecord {
  @Id public UUID id;

  /** The learner's row in the cohort ({@link CohortLearner}). */
  @Column(name = "cohort_learner_id")
  public UUID cohortLearnerId;

  @Column(name = "session_date")
  public LocalDate sessionDate;

  @Enumerated(EnumType.STRING)
  public AttendanceStatus status;

  /** Staff's words on the day: personal, kept here only, erased with the person. */
  public String comment;

  /** The token subject of the staff account that submitted the day. */
  @Column(name = "recorded_by")
  public String recordedBy;

  @Column(name = "recorded_at")
  public OffsetDateTime recordedAt;
}
