package org.passerelle.cohort.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Learners staff seat in a cohort at once, each with the application the seat comes from. */
public record EnrolLearnersRequest(
    @Schema(required = true, minItems = 1, maxItems = 100) @NotNull @Size(min = 1, max = 100)
        List<@NotNull @Valid Entry> learners) {

  @Schema(
      name = "LearnerToEnrol",
      description = "A learner to seat, with the application the seat comes from")
  public record Entry(
      @Schema(required = true, description = "Pseudonymous learner id from enrollment-service")
          @NotNull
          UUID learnerId,
      @Schema(required = true, description = "The learner's application in enrollment-service")
          @NotNull
          UUID applicationId) {}
}
