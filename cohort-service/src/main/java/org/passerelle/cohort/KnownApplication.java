package org.passerelle.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An application cohort-service learned from enrollment-service's events, with the learner it
 * belongs to: staff seat only a learner with such an application, so that every seat is one
 * enrollment can follow. The learner is enrollment's pseudonymous id; nothing personal is kept.
 */
@Entity
@Table(name = "known_application")
public class KnownApplication {
  @Id
  @Column(name = "application_id")
  public UUID applicationId;

  @Column(name = "learner_id")
  public UUID learnerId;

  /** The cohort (enrollment's intake) the application named last. */
  @Column(name = "cohort_id")
  public UUID cohortId;

  public String country;

  @Column(name = "learned_at")
  public OffsetDateTime learnedAt;
}
