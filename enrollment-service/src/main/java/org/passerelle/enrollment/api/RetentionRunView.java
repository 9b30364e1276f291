package org.passerelle.enrollment.api;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.enrollment.RetentionRun;

/** One run of the retention job for one country. */
public record RetentionRunView(
    UUID id,
    String country,
    @Schema(description = "SCHEDULE (the job) or MANUAL (an administrator)") String trigger,
    @Schema(description = "Applicants last active before this instant and never enrolled were due")
        OffsetDateTime cutoff,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    @Schema(description = "Applicants erased by this run") int erased,
    @Schema(description = "RUNNING, SUCCEEDED or FAILED") String status,
    @Schema(description = "Why it failed, without personal data") String error,
    @Schema(description = "When it was created: when it started") OffsetDateTime createdAt,
    @Schema(description = "When it last changed: when it finished, while running when it started")
        OffsetDateTime updatedAt) {

  public static RetentionRunView of(RetentionRun run) {
    return new RetentionRunView(
        run.id,
        run.country,
        run.trigger,
        run.cutoff,
        run.startedAt,
        run.finishedAt,
        run.erased,
        run.status,
        run.error,
        run.startedAt,
        run.finishedAt == null ? run.startedAt : run.finishedAt);
  }
}
