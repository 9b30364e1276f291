package org.passerelle.enrollment.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.problem.Problem;

/**
 * What a bulk import did, row by row. It holds no personal data: rows are known by their number,
 * their line in a CSV file and the office's own reference, and error messages never repeat the
 * values sent.
 */
@Schema(name = "ApplicationImportReport")
public record ImportReport(
    UUID id,
    @Schema(description = "CSV or JSON") String format,
    @Schema(description = "The importing caller's country; absent for a platform admin")
        String country,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    int totalRows,
    int created,
    int unchanged,
    int failed,
    @Schema(description = "One result per row, in the file's order") List<RowResult> rows,
    @Schema(description = "When it was created: when it started") OffsetDateTime createdAt,
    @Schema(description = "When it last changed: when it finished") OffsetDateTime updatedAt) {

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
