package org.passerelle.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import org.passerelle.cohort.AttendanceRecord;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.api.AttendanceDayRequest;
import org.passerelle.cohort.api.AttendanceDayView;
import org.passerelle.cohort.repository.AttendanceRepository;
import org.passerelle.cohort.repository.CohortLearnerRepository;
import org.passerelle.cohort.repository.CohortRepository;
import org.passerelle.cohort.repository.SiteRepository;
import org.passerelle.commons.api.Actor;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.time.Now;
import org.passerelle.problem.Messages;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/**
 * Attendance per session day, recorded by staff a whole day of a cohort at a time (ADR 0008): the
 * roll and its checks. Summaries are {@link AttendanceSummaryService}'s; the early warning a
 * submission may raise, {@link AbsenceAlertService}'s.
 *
 * <p>Who is on a day's roll: every active learner from the day they became active (the cohort's
 * start made them active: they may also be recorded from its start date, should staff have started
 * it late; they joined it running: not before that day), and learners who have left since, for the
 * days before they left (withdrawn or transferred: before that day; completed: up to that day), who
 * may be recorded but need not be. A submission replaces the day's records of the learners it
 * names; a learner who has left and is not named keeps what was recorded, so a client listing
 * today's learners cannot erase the history of those who left.
 */
@ApplicationScoped
public class AttendanceService {

  private final CohortRepository cohorts;
  private final CohortLearnerRepository learners;
  private final AttendanceRepository records;
  private final SiteRepository sites;
  private final AbsenceAlertService alerts;
  private final Now now;

  AttendanceService(
      CohortRepository cohorts,
      CohortLearnerRepository learners,
      AttendanceRepository records,
      SiteRepository sites,
      AbsenceAlertService alerts,
      Now now) {
    this.cohorts = cohorts;
    this.learners = learners;
    this.records = records;
    this.sites = sites;
    this.alerts = alerts;
    this.now = now;
  }

  /** A day as read, with the version its ETag names. */
  public record Day(AttendanceDayView view, long version) {}

  /**
   * Records a whole session day of the cohort, replacing what was recorded for the learners named;
   * all or nothing. {@code ifMatch} tells whether the caller's If-Match (if any) names the day's
   * current version.
   */
  @Transactional
  public Day recordDay(
      UUID cohortId,
      LocalDate date,
      AttendanceDayRequest request,
      LongPredicate ifMatch,
      AccessScope scope) {
    // Locked: two submissions of the same cohort (or a withdrawal, a transfer) do not interleave,
    // so the roll checked is the roll written and a run is alerted once.
    Cohort cohort = cohorts.lockedInScope(cohortId, scope);
    checkNoDuplicates(request);
    if (cohort.status != CohortStatus.RUNNING && cohort.status != CohortStatus.COMPLETED) {
      throw new ProblemException(
          ProblemType.CONFLICT, "conflict.attendance-cohort-not-running", cohort.status);
    }
    ZoneId zone = sites.zoneOf(cohort);
    LocalDate today = now.today(zone);
    if (date.isBefore(cohort.startDate) || date.isAfter(cohort.endDate)) {
      throw unprocessable(
          "date", "unprocessable.attendance-date-outside-cohort", cohort.startDate, cohort.endDate);
    }
    if (date.isAfter(today)) {
      throw unprocessable("date", "unprocessable.attendance-date-in-future", today);
    }
    List<CohortLearner> roll = learners.list("cohortId", cohort.id);
    Map<UUID, CohortLearner> byLearner =
        roll.stream().collect(Collectors.toMap(row -> row.learnerId, row -> row));
    List<UUID> rowIds = roll.stream().map(row -> row.id).toList();
    if (!ifMatch.test(version(records.onDay(rowIds, date), byId(roll)))) {
      throw new ProblemException(ProblemType.PRECONDITION_FAILED, "precondition-failed.detail");
    }
    checkRoll(request, cohort, date, zone, roll, byLearner);

    List<CohortLearner> named =
        request.records().stream().map(entry -> byLearner.get(entry.learnerId())).toList();
    records.deleteDay(named.stream().map(row -> row.id).toList(), date);
    OffsetDateTime recordedAt = now.timestamp();
    for (AttendanceDayRequest.Entry entry : request.records()) {
      AttendanceRecord record = new AttendanceRecord();
      record.id = UUID.randomUUID();
      record.cohortLearnerId = byLearner.get(entry.learnerId()).id;
      record.sessionDate = date;
      record.status = entry.status();
      record.comment =
          entry.comment() == null || entry.comment().isBlank() ? null : entry.comment().strip();
      record.recordedBy = scope.subject();
      record.recordedAt = recordedAt;
      records.persist(record);
    }
    records.flush();
    if (cohort.status == CohortStatus.RUNNING) {
      alerts.raise(cohort, named, date, recordedAt);
    }
    return day(cohort, date, roll, true);
  }

  /** The cohort's session day as recorded (no record is an empty day). */
  @Transactional
  public Day day(UUID cohortId, LocalDate date, AccessScope scope) {
    Cohort cohort = cohorts.inScope(cohortId, scope);
    return day(cohort, date, learners.list("cohortId", cohort.id), showsComments(scope));
  }

  private static void checkNoDuplicates(AttendanceDayRequest request) {
    Set<UUID> seen = new HashSet<>();
    List<Problem.FieldError> errors = new ArrayList<>();
    List<AttendanceDayRequest.Entry> entries = request.records();
    for (int i = 0; i < entries.size(); i++) {
      UUID learnerId = entries.get(i).learnerId();
      if (!seen.add(learnerId)) {
        errors.add(
            new Problem.FieldError(
                "records[" + i + "].learnerId",
                Messages.format(null, "invalid-request.attendance-duplicate-learner", learnerId)));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(ProblemType.VALIDATION_FAILED, errors, "validation-failed.detail");
    }
  }

  /**
   * Every learner named is on the day's roll, and every learner who must be is named: otherwise 422
   * naming each learner concerned by learnerId.
   */
  private static void checkRoll(
      AttendanceDayRequest request,
      Cohort cohort,
      LocalDate date,
      ZoneId zone,
      List<CohortLearner> roll,
      Map<UUID, CohortLearner> byLearner) {
    List<Problem.FieldError> errors = new ArrayList<>();
    Set<UUID> named = new HashSet<>();
    List<AttendanceDayRequest.Entry> entries = request.records();
    for (int i = 0; i < entries.size(); i++) {
      UUID learnerId = entries.get(i).learnerId();
      named.add(learnerId);
      CohortLearner row = byLearner.get(learnerId);
      String field = "records[" + i + "].learnerId";
      if (row == null) {
        errors.add(
            new Problem.FieldError(
                field,
                Messages.format(null, "unprocessable.attendance-unknown-learner", learnerId)));
      } else if (!mayBeRecorded(row, cohort, date, zone)) {
        errors.add(
            new Problem.FieldError(
                field,
                Messages.format(
                    null,
                    "unprocessable.attendance-learner-not-attending",
                    learnerId,
                    row.status,
                    date)));
      }
    }
    roll.stream()
        .filter(row -> mustBeRecorded(row, date, zone) && !named.contains(row.learnerId))
        .sorted(Comparator.comparing(row -> row.learnerId))
        .forEach(
            row ->
                errors.add(
                    new Problem.FieldError(
                        "records",
                        Messages.format(
                            null, "unprocessable.attendance-missing-learner", row.learnerId))));
    if (!errors.isEmpty()) {
      throw new ProblemException(
          ProblemType.UNPROCESSABLE, errors, "unprocessable.attendance-roll", date);
    }
  }

  /** Active learners from the day they became active (or always, if that is unknown). */
  private static boolean mustBeRecorded(CohortLearner row, LocalDate date, ZoneId zone) {
    return row.status == LearnerStatus.ACTIVE
        && (row.activatedAt == null || !day(row.activatedAt, zone).isAfter(date));
  }

  /**
   * Active learners from the day they joined, and learners who left after that day (or completed on
   * or after it). Learners the cohort's start made active count from its start date, even when
   * staff started it late; a learner who joined the running cohort, from the day (at the site) they
   * became active: the days before, they were not in it.
   */
  private static boolean mayBeRecorded(
      CohortLearner row, Cohort cohort, LocalDate date, ZoneId zone) {
    return switch (row.status) {
      case ACTIVE -> !joinedRunning(row, cohort) || !date.isBefore(day(row.activatedAt, zone));
      case COMPLETED -> row.completedAt == null || !date.isAfter(day(row.completedAt, zone));
      case WITHDRAWN -> row.withdrawnAt != null && date.isBefore(day(row.withdrawnAt, zone));
      case TRANSFERRED -> row.transferredAt != null && date.isBefore(day(row.transferredAt, zone));
      case ENROLLED -> false;
    };
  }

  /**
   * Whether the learner became active after staff started the cohort, so joined it running. A
   * running cohort always has its start's time; without it (rows older than it) nobody counts as
   * having joined late.
   */
  private static boolean joinedRunning(CohortLearner row, Cohort cohort) {
    return row.activatedAt != null
        && cohort.startedAt != null
        && row.activatedAt.isAfter(cohort.startedAt);
  }

  private Day day(Cohort cohort, LocalDate date, List<CohortLearner> roll, boolean comments) {
    Map<UUID, CohortLearner> byId = byId(roll);
    List<AttendanceRecord> day = records.onDay(byId.keySet(), date);
    List<AttendanceDayView.Entry> entries =
        day.stream()
            .map(
                record ->
                    new AttendanceDayView.Entry(
                        byId.get(record.cohortLearnerId).learnerId,
                        record.status,
                        comments ? record.comment : null,
                        record.recordedBy,
                        record.recordedAt,
                        Actor.of(record.recordedBy)))
            .sorted(Comparator.comparing(AttendanceDayView.Entry::learnerId))
            .toList();
    return new Day(new AttendanceDayView(cohort.id, date, entries), version(day, byId));
  }

  /**
   * The day's version for its ETag: a digest of what is recorded, so any change to the day (a
   * correction, another staff member's submission) changes it.
   */
  private static long version(List<AttendanceRecord> day, Map<UUID, CohortLearner> byId) {
    String content =
        day.stream()
            .sorted(Comparator.comparing(record -> byId.get(record.cohortLearnerId).learnerId))
            .map(
                record ->
                    byId.get(record.cohortLearnerId).learnerId
                        + "|"
                        + record.status
                        + "|"
                        + record.comment
                        + "|"
                        + record.recordedBy
                        + "|"
                        + record.recordedAt.toInstant())
            .collect(Collectors.joining("\n"));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      long version = 0;
      for (int i = 0; i < Long.BYTES; i++) {
        version = (version << 8) | (digest[i] & 0xff);
      }
      return version & Long.MAX_VALUE;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Staff read their comments; integrations (a regional office's system) do not. */
  static boolean showsComments(AccessScope scope) {
    return scope.isStaff();
  }

  private static Map<UUID, CohortLearner> byId(List<CohortLearner> roll) {
    Map<UUID, CohortLearner> byId = new HashMap<>();
    roll.forEach(row -> byId.put(row.id, row));
    return byId;
  }

  private static LocalDate day(OffsetDateTime moment, ZoneId zone) {
    return moment.atZoneSameInstant(zone).toLocalDate();
  }

  private static ProblemException unprocessable(String field, String key, Object... arguments) {
    return new ProblemException(
        ProblemType.UNPROCESSABLE,
        List.of(new Problem.FieldError(field, Messages.format(null, key, arguments))),
        key,
        arguments);
  }
}
