package org.passerelle.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.passerelle.cohort.AttendanceRecord;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.api.AtRiskLearnerView;
import org.passerelle.cohort.api.LearnerAttendanceSummary;
import org.passerelle.cohort.api.LearnerAttendanceView;
import org.passerelle.cohort.config.CohortConfig;
import org.passerelle.cohort.repository.AttendanceRepository;
import org.passerelle.cohort.repository.CohortLearnerRepository;
import org.passerelle.cohort.repository.CohortRepository;
import org.passerelle.commons.api.Actor;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;

/**
 * A cohort's attendance counted (ADR 0008): each learner's summary and days, and the learners at
 * risk. At risk means absent now: the current (trailing) run of unexcused absences only, whereas
 * the early warning ({@link AbsenceAlertService}) also raises for an earlier run a backfilled day
 * completed.
 */
@ApplicationScoped
public class AttendanceSummaryService {

  private final CohortRepository cohorts;
  private final CohortLearnerRepository learners;
  private final AttendanceRepository records;
  private final CohortConfig config;

  AttendanceSummaryService(
      CohortRepository cohorts,
      CohortLearnerRepository learners,
      AttendanceRepository records,
      CohortConfig config) {
    this.cohorts = cohorts;
    this.learners = learners;
    this.records = records;
    this.config = config;
  }

  /**
   * Each learner's summary, in learnerId order: learners active or completed, and those who left
   * with at least one day recorded.
   */
  @Transactional
  public List<LearnerAttendanceSummary> summaries(UUID cohortId, AccessScope scope) {
    Cohort cohort = cohorts.inScope(cohortId, scope);
    int threshold = threshold();
    List<LearnerAttendanceSummary> summaries = new ArrayList<>();
    tallies(cohort)
        .forEach(
            (row, tally) -> {
              if (tally.sessionsRecorded() > 0
                  || row.status == LearnerStatus.ACTIVE
                  || row.status == LearnerStatus.COMPLETED) {
                summaries.add(summary(row, tally, threshold));
              }
            });
    summaries.sort(Comparator.comparing(LearnerAttendanceSummary::learnerId));
    return summaries;
  }

  /** One learner's days and summary; 404 for a learner never in the cohort. */
  @Transactional
  public LearnerAttendanceView learner(UUID cohortId, UUID learnerId, AccessScope scope) {
    Cohort cohort = cohorts.inScope(cohortId, scope);
    CohortLearner row =
        learners
            .findInCohort(cohort.id, learnerId)
            .orElseThrow(() -> ProblemException.notFound("cohort-learner"));
    boolean comments = AttendanceService.showsComments(scope);
    List<AttendanceRecord> days = records.ofLearners(List.of(row.id));
    AttendanceTally tally = AttendanceTally.of(AttendanceTally.days(days));
    return new LearnerAttendanceView(
        cohort.id,
        summary(row, tally, threshold()),
        days.stream()
            .map(
                record ->
                    new LearnerAttendanceView.Day(
                        record.sessionDate,
                        record.status,
                        comments ? record.comment : null,
                        record.recordedBy,
                        record.recordedAt,
                        Actor.of(record.recordedBy)))
            .toList());
  }

  /**
   * Active learners whose current run of unexcused absences reaches the threshold, most at risk
   * first: the longest run, then the oldest, then by learnerId. The current (trailing) run only: at
   * risk means absent now; an earlier run completed by a backfilled day was alerted for.
   */
  @Transactional
  public List<AtRiskLearnerView> atRisk(UUID cohortId, AccessScope scope) {
    Cohort cohort = cohorts.inScope(cohortId, scope);
    int threshold = threshold();
    List<AtRiskLearnerView> atRisk = new ArrayList<>();
    tallies(cohort)
        .forEach(
            (row, tally) -> {
              if (row.status == LearnerStatus.ACTIVE && tally.reaches(threshold)) {
                atRisk.add(
                    new AtRiskLearnerView(
                        row.learnerId,
                        tally.consecutiveUnexcusedAbsences(),
                        tally.runSince(),
                        tally.runUntil(),
                        threshold));
              }
            });
    atRisk.sort(
        Comparator.comparing(AtRiskLearnerView::consecutiveUnexcusedAbsences)
            .reversed()
            .thenComparing(AtRiskLearnerView::since)
            .thenComparing(AtRiskLearnerView::learnerId));
    return atRisk;
  }

  private int threshold() {
    return config.attendance().alertAfter();
  }

  /** Each learner row of the cohort with its tally, in no particular order. */
  private Map<CohortLearner, AttendanceTally> tallies(Cohort cohort) {
    List<CohortLearner> roll = learners.list("cohortId", cohort.id);
    Map<UUID, List<AttendanceRecord>> daysByRow =
        records.ofLearners(roll.stream().map(row -> row.id).toList()).stream()
            .collect(Collectors.groupingBy(record -> record.cohortLearnerId));
    Map<CohortLearner, AttendanceTally> tallies = new LinkedHashMap<>();
    for (CohortLearner row : roll) {
      tallies.put(row, AttendanceTally.of(AttendanceTally.days(daysByRow.get(row.id))));
    }
    return tallies;
  }

  static LearnerAttendanceSummary summary(CohortLearner row, AttendanceTally tally, int threshold) {
    return new LearnerAttendanceSummary(
        row.learnerId,
        row.status,
        tally.sessionsRecorded(),
        tally.present(),
        tally.late(),
        tally.excusedAbsences(),
        tally.unexcusedAbsences(),
        tally.attendanceRate(),
        tally.consecutiveUnexcusedAbsences(),
        tally.runSince(),
        row.status == LearnerStatus.ACTIVE && tally.reaches(threshold));
  }
}
