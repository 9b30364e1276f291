package org.passerelle.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One run of the retention job for one country: applicants it erased, or why it failed. */
@Entity
@Table(name = "retention_run")
public class RetentionRun {
  @Id public UUID id;

  public String country;

  /** SCHEDULE or MANUAL. */
  public String trigger;

  /** Applicants last active before this instant were due. */
  public OffsetDateTime cutoff;

  @Column(name = "started_at")
  public OffsetDateTime startedAt;

  @Column(name = "finished_at")
  public OffsetDateTime finishedAt;

  public int erased;

  /** RUNNING, SUCCEEDED or FAILED. */
  public String status;

  public String error;
}
