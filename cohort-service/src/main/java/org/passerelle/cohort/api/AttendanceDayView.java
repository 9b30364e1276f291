package org.passerelle.cohort.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.cohort.AttendanceStatus;
import org.passerelle.commons.api.Actor;

/** A cohort's session day as recorded, learner by learner (in learnerId order). */
public record AttendanceDayView(UUID cohortId, LocalDate date, List<Entry> records) {

  @Schema(
      name = "AttendanceRecordView",
      description = "One learner's attendance on the day, as recorded")
  public record Entry(
      UUID learnerId,
      AttendanceStatus status,
      @Schema(description = "Staff's note; not shown to integrations") String comment,
      @Schema(
              deprecated = true,
              description =
                  "Token subject of the staff account that submitted the day. Deprecated, removed"
                      + " after 2027-06-30; use recordedByActor")
          String recordedBy,
      OffsetDateTime recordedAt,
      @Schema(
              description =
                  "The staff account that submitted the day (PERSON; displayName null: names"
                      + " are not kept here)")
          Actor recordedByActor) {}
}
