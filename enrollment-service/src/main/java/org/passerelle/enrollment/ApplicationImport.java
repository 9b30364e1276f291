package org.passerelle.enrollment;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A regional office's bulk import, run as a background job (ADR 0047), and its per-row report (no
 * personal data in it). The file itself is kept only until the job ends.
 */
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

  /** The per-row report, as JSON, once the job has ended. */
  public String report;

  @Enumerated(EnumType.STRING)
  public Status status;

  @Column(name = "rows_processed")
  public int rowsProcessed;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  /** The file's media type as sent (with its charset), to read it again in the background. */
  @Column(name = "content_type")
  public String contentType;

  /** The language of the request, for the rows' messages. */
  public String language;

  /** The importing caller's roles, comma-separated: the scope the rows are applied in. */
  public String roles;

  /** The file as sent, until the job ends; read only by the worker. */
  @Basic(fetch = FetchType.LAZY)
  public byte[] body;

  /** FAILED only: why, in the language of the request. */
  public String failure;

  /** Where a job is. */
  @Schema(name = "ApplicationImportStatus")
  public enum Status {
    /** Accepted, no row applied yet. */
    QUEUED,
    /** Rows are being applied. */
    RUNNING,
    /** Every row has its outcome. */
    SUCCEEDED,
    /** The job stopped before every row had its outcome; the others were not applied. */
    FAILED;

    public boolean ended() {
      return this == SUCCEEDED || this == FAILED;
    }
  }
}
