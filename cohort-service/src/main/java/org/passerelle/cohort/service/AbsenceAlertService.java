package org.passerelle.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.passerelle.cohort.AbsenceAlert;
import org.passerelle.cohort.AttendanceRecord;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.config.CohortConfig;
import org.passerelle.cohort.events.AttendanceAlert;
import org.passerelle.cohort.repository.AbsenceAlertRepository;
import org.passerelle.cohort.repository.AttendanceRepository;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.outbox.Outbox;

/**
 * The attendance early warning (ADR 0008): when a submission makes an active learner's run of
 * unexcused absences that holds the submitted day reach the configured threshold in a running
 * cohort, attendance-alert is emitted, once per run. That run is usually the current (trailing)
 * one, but a day backfilled in the past may complete an earlier run, which raises too. A run is
 * remembered by its first day: a run that still holds the first day of a run already alerted for is
 * that run (re-sent, corrected, or extended back by a correction) and raises nothing; a new run
 * after a presence raises again.
 */
@ApplicationScoped
public class AbsenceAlertService {

  private final AttendanceRepository records;
  private final AbsenceAlertRepository alerts;
  private final Outbox outbox;
  private final CohortConfig config;

  AbsenceAlertService(
      AttendanceRepository records,
      AbsenceAlertRepository alerts,
      Outbox outbox,
      CohortConfig config) {
    this.records = records;
    this.alerts = alerts;
    this.outbox = outbox;
    this.config = config;
  }

  /**
   * attendance-alert for each active learner named whose run holding the day submitted reaches the
   * threshold, unless that run was alerted for: the current run, or an earlier one a backfilled day
   * completed (present on days 1 and 5, absences recorded afterwards for days 2 to 4). Runs in the
   * transaction that recorded the day, with the cohort locked, so a run is alerted once.
   */
  void raise(Cohort cohort, List<CohortLearner> named, LocalDate date, OffsetDateTime now) {
    int threshold = config.attendance().alertAfter();
    List<CohortLearner> active =
        named.stream().filter(row -> row.status == LearnerStatus.ACTIVE).toList();
    Map<UUID, List<AttendanceRecord>> daysByRow =
        records.ofLearners(active.stream().map(row -> row.id).toList()).stream()
            .collect(Collectors.groupingBy(record -> record.cohortLearnerId));
    for (CohortLearner row : active) {
      AttendanceTally.Run run =
          AttendanceTally.runHolding(AttendanceTally.days(daysByRow.get(row.id)), date);
      if (run == null
          || !run.reaches(threshold)
          || alerts.raisedWithin(row.id, run.since(), run.until())) {
        continue;
      }
      AbsenceAlert alert = new AbsenceAlert();
      alert.id = UUID.randomUUID();
      alert.cohortLearnerId = row.id;
      alert.runStartedOn = run.since();
      alert.lastAbsenceOn = run.until();
      alert.runLength = run.length();
      alert.raisedAt = now;
      alerts.persist(alert);
      outbox.publish(
          DomainEvent.v1(
              AttendanceAlert.NAME,
              cohort.id,
              cohort.country,
              cohort.siteCode,
              AttendanceAlert.of(cohort, row, run.length(), run.since(), run.until(), threshold)));
    }
    alerts.flush();
  }
}
