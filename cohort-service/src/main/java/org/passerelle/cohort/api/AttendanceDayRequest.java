package org.passerelle.cohort.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.cohort.AttendanceStatus;

/** A whole session day of a cohort: one record per learner attending that day. */
public record AttendanceDayRequest(
    @Schema(
            description =
                "Every active learner exactly once; learners who have left since may be included"
                    + " for days before they left",
            minItems = 1,
            maxItems = AttendanceDayRequest.MAX_RECORDS)
        @NotNull
        @Size(min = 1, max = AttendanceDayRequest.MAX_RECORDS)
        List<@NotNull @Valid Entry> records) {

  /** A cohort has at most 500 seats. */
  public static final int MAX_RECORDS = 500;

  public static final int MAX_COMMENT = 500;

  @Schema(name = "AttendanceRecordRequest", description = "One learner's attendance on the day")
  public record Entry(
      @Schema(description = "Pseudonymous learner id from enrollment-service") @NotNull
          UUID learnerId,
      @NotNull AttendanceStatus status,
      @Schema(
              description = "Staff's note on the day; personal, never sent in events",
              maxLength = MAX_COMMENT)
          @Size(max = MAX_COMMENT)
          String comment) {}
}
