package org.passerelle.cohort.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.ExitReason;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.commons.rest.Deprecations;

/**
 * One of a learner's own seats, in one cohort, as the learner sees it: the cohort, where they
 * stand, their attendance and the certificate they obtained. Never staff's comments.
 */
@Schema(name = "OwnEnrolment")
public record OwnEnrolment(
    UUID cohortId,
    String programmeCode,
    @Schema(description = "The programme's titles; null if the programme is unknown here")
        ProgrammeView.Titles programmeTitles,
    String siteCode,
    String country,
    LocalDate startDate,
    LocalDate endDate,
    @Schema(description = "The cohort's status") CohortStatus cohortStatus,
    @Schema(deprecated = true, description = Deprecations.REMOVED_AFTER + "status")
        LearnerStatus learnerStatus,
    OffsetDateTime enrolledAt,
    @Schema(description = "When the cohort started with them; null before")
        OffsetDateTime activatedAt,
    @Schema(description = "When their certification result completed the training")
        OffsetDateTime completedAt,
    OffsetDateTime withdrawnAt,
    @Schema(description = "The coded reason of an exit staff recorded; never staff's comment")
        ExitReason exitReason,
    @Schema(description = "The cohort they were moved to; their seat there is another item")
        UUID transferredTo,
    @Schema(description = "Their attendance in this cohort") LearnerAttendanceSummary attendance,
    @Schema(
            description =
                "The newest certificate issued to them for this cohort; null without one. An"
                    + " employer checks it at GET /api/v1/certificates/{publicId}")
        CertificateSummary certificate,
    @Schema(description = "The learner's status in the cohort, as the cohort's learners list it")
        LearnerStatus status) {}
