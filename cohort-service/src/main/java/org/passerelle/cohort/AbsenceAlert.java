package org.passerelle.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An early warning raised for a learner's run of consecutive unexcused absences, remembered by the
 * run's first day so that the same run never raises it twice.
 */
@Entity
@Table(name = "attendance_alert")
public class AbsenceAlert {
  @Id public UUID id;

  @Column(name = "cohort_learner_id")
  public UUID cohortLearnerId;

  @Column(name = "run_started_on")
  public LocalDate runStartedOn;

  /** The run's last day when the alert was raised. */
  @Column(name = "last_absence_on")
  public LocalDate lastAbsenceOn;

  /** The run's length when the alert was raised. */
  @Column(name = "run_length")
  public int runLength;

  @Column(name = "raised_at")
  public OffsetDateTime raisedAt;
}
