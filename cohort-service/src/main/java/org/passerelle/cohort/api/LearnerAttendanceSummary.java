package org.passerelle.cohort.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.cohort.LearnerStatus;

/** A learner's attendance in a cohort, counted over the session days recorded for them. */
public record LearnerAttendanceSummary(
    UUID learnerId,
    @Schema(description = "The learner's status in the cohort") LearnerStatus learnerStatus,
    int sessionsRecorded,
    int present,
    int late,
    int excusedAbsences,
    int unexcusedAbsences,
    @Schema(
            description =
                "Present and late days over the days recorded, as a decimal fraction with four"
                    + " places (0.6667); null while no day is recorded")
        BigDecimal attendanceRate,
    @Schema(
            description =
                "The current run of unexcused absences: the trailing one over the recorded days"
                    + " in date order")
        int consecutiveUnexcusedAbsences,
    @Schema(description = "First day of the current run; null when there is none")
        LocalDate unexcusedSince,
    @Schema(description = "Active and the current run reaches the early-warning threshold")
        boolean atRisk) {}
