package org.passerelle.enrollment.api;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.enrollment.ApplicationImport;

/** An import in a list: its counts, without the rows. */
@Schema(name = "ApplicationImportSummary")
public record ImportSummary(
    UUID id,
    String format,
    String country,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    int totalRows,
    int created,
    int unchanged,
    int failed,
    @Schema(description = "When it was created: when it started") OffsetDateTime createdAt,
    @Schema(description = "When it last changed: when it finished") OffsetDateTime updatedAt) {

  public static ImportSummary of(ApplicationImport in) {
    return new ImportSummary(
        in.id,
        in.format,
        in.country,
        in.startedAt,
        in.finishedAt,
        in.totalRows,
        in.created,
        in.unchanged,
        in.failed,
        in.startedAt,
        in.finishedAt);
  }
}
