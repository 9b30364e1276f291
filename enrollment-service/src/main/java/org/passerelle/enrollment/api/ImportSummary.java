package org.passerelle.enrollment.api;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.enrollment.ApplicationImport;

/** An import in a list: its counts, without the rows. */
@Schema(name = "ApplicationImportSummary")
public record ImportSummary(
    UUID id,
    @Schema(description = "QUEUED, RUNNING, SUCCEEDED or FAILED") ApplicationImport.Status status,
    String format,
    String country,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    @Schema(description = "The file's rows") int rowsTotal,
    @Schema(description = "Deprecated: rowsTotal", deprecated = true) int totalRows,
    @Schema(description = "The rows that have their outcome so far") int rowsProcessed,
    int created,
    int unchanged,
    int failed,
    @Schema(description = "When it was created: when it was accepted") OffsetDateTime createdAt,
    @Schema(description = "When it last changed") OffsetDateTime updatedAt) {

  public static ImportSummary of(ApplicationImport in) {
    return new ImportSummary(
        in.id,
        in.status,
        in.format,
        in.country,
        in.startedAt,
        in.finishedAt,
        in.totalRows,
        in.totalRows,
        in.rowsProcessed,
        in.created,
        in.unchanged,
        in.failed,
        in.startedAt,
        in.updatedAt);
  }
}
