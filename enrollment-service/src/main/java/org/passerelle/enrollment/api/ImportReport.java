package org.passerelle.enrollment.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.enrollment.ApplicationImport;
import org.passerelle.problem.Problem;

/**
 * A bulk import's job (ADR 0047): where it is, its counts so far, and once it has ended what it did
 * row by row. It holds no personal data: rows are known by their number, their line in a CSV file
 * and the office's own reference, and error messages never repeat the values sent.
 */
@Schema(name = "ApplicationImportReport")
public record ImportReport(
    UUID id,
    @Schema(description = "QUEUED, RUNNING, SUCCEEDED or FAILED") ApplicationImport.Status status,
    @Schema(description = "CSV or JSON") String format,
    @Schema(description = "The importing caller's country; absent for a platform admin")
        String country,
    OffsetDateTime startedAt,
    @Schema(description = "When it ended; absent until then") OffsetDateTime finishedAt,
    @Schema(description = "The file's rows") int rowsTotal,
    @Schema(description = "The rows that have their outcome so far") int rowsProcessed,
    @Schema(description = "Deprecated: rowsTotal", deprecated = true) int totalRows,
    @Schema(description = "Rows created so far") int created,
    @Schema(description = "Rows unchanged so far") int unchanged,
    @Schema(description = "Rows failed so far") int failed,
    @Schema(
            description =
                "One result per row, in the file's order; once the job has ended (absent before)")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<RowResult> rows,
    @Schema(description = "When it was created: when it was accepted") OffsetDateTime createdAt,
    @Schema(description = "When it last changed") OffsetDateTime updatedAt,
    @Schema(
            description =
                "FAILED only: why the job stopped, in the language of the import request; the"
                    + " rows without an outcome were not applied")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String failure) {

  /** The job's view, with these rows (null while it runs). */
  public static ImportReport of(ApplicationImport job, List<RowResult> rows) {
    return new ImportReport(
        job.id,
        job.status,
        job.format,
        job.country,
        job.startedAt,
        job.finishedAt,
        job.totalRows,
        job.rowsProcessed,
        job.totalRows,
        job.created,
        job.unchanged,
        job.failed,
        rows,
        job.startedAt,
        job.updatedAt,
        job.failure);
  }

  /** What happened to a row. */
  public enum Outcome {
    /** A new application was submitted. */
    CREATED,
    /** An application with this externalRef and the same content already existed. */
    UNCHANGED,
    /** Nothing was written for this row; see its problem. */
    FAILED
  }

  /** One row's result. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RowResult(
      @Schema(description = "1-based: the n-th application of the file (CSV: after the header)")
          int row,
      @Schema(description = "CSV only: the file's line the row starts on (the header is line 1)")
          Integer line,
      @Schema(description = "The row's externalRef, when it is a valid one") String externalRef,
      Outcome outcome,
      @Schema(description = "The application created or found unchanged") UUID applicationId,
      @Schema(
              description =
                  "FAILED only: why, as the single-application API would have answered (type,"
                      + " title, status, detail, field errors; CSV fields are named by column)")
          Problem problem) {}
}
