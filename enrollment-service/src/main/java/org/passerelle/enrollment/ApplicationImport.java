package org.passerelle.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A regional office's bulk import and its per-row report (no personal data in it). */
@Entity
@Table(name = "application_import")
public class ApplicationImport {
  @Id public UUID id;

  /** The importing caller's country claim; null for a platform admin. */
  public String country;

  @Column(name = "submitted_by")
  public String submittedBy;

  /** CSV or JSON. */
  public String format;

  @Column(name = "started_at")
  public OffsetDateTime startedAt;

  @Column(name = "finished_at")
  public OffsetDateTime finishedAt;

  @Column(name = "total_rows")
  public int totalRows;

  public int created;

  public int unchanged;

  public int failed;

  /** The per-row report, as JSON. */
  public String report;
}
