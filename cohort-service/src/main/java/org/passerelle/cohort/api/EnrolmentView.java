package org.passerelle.cohort.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a bulk enrolment did. */
public record EnrolmentView(
    UUID cohortId,
    @Schema(description = "Learners seated by this request (learner-enrolled sent for each)")
        List<LearnerView> enrolled,
    @Schema(description = "Learners who already held a seat here, left as they were")
        List<LearnerView> alreadySeated,
    @Schema(description = "Free seats after the enrolment") long seatsLeft) {}
