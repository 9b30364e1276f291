package org.passerelle.cohort.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.passerelle.cohort.AttendanceRecord;
import org.passerelle.cohort.AttendanceStatus;

/**
 * One learner's attendance counted over their recorded session days: days by kind, the attendance
 * rate and the current run of consecutive unexcused absences (the trailing one, in date order, over
 * the days recorded: a day not recorded neither ends nor extends it; any other status ends it).
 *
 * @param attendanceRate present and late days over the days recorded, to four decimal places (half
 *     up); null while no day is recorded
 * @param runSince first day of the current run; null when there is none
 * @param runUntil last day of the current run; null when there is none
 */
public record AttendanceTally(
    int sessionsRecorded,
    int present,
    int late,
    int excusedAbsences,
    int unexcusedAbsences,
    BigDecimal attendanceRate,
    int consecutiveUnexcusedAbsences,
    LocalDate runSince,
    LocalDate runUntil) {

  /** Decimal places of the attendance rate (0.6667 for two days out of three). */
  public static final int RATE_SCALE = 4;

  /** A session day's status, as counted. */
  public record Day(LocalDate date, AttendanceStatus status) {}

  public static final AttendanceTally NONE = of(List.of());

  /** The days of these records (of one learner); none for null. */
  static List<Day> days(List<AttendanceRecord> records) {
    return records == null
        ? List.of()
        : records.stream().map(record -> new Day(record.sessionDate, record.status)).toList();
  }

  /** Counts these days, in any order; at most one per date. */
  public static AttendanceTally of(List<Day> days) {
    List<Day> ordered = days.stream().sorted(Comparator.comparing(Day::date)).toList();
    int present = 0;
    int late = 0;
    int excused = 0;
    int unexcused = 0;
    for (Day day : ordered) {
      switch (day.status()) {
        case PRESENT -> present++;
        case LATE -> late++;
        case EXCUSED_ABSENCE -> excused++;
        case UNEXCUSED_ABSENCE -> unexcused++;
      }
    }
    int run = 0;
    LocalDate since = null;
    LocalDate until = null;
    for (int i = ordered.size() - 1;
        i >= 0 && ordered.get(i).status() == AttendanceStatus.UNEXCUSED_ABSENCE;
        i--) {
      run++;
      since = ordered.get(i).date();
      if (until == null) {
        until = since;
      }
    }
    int recorded = ordered.size();
    BigDecimal rate =
        recorded == 0
            ? null
            : BigDecimal.valueOf(present + late)
                .divide(BigDecimal.valueOf(recorded), RATE_SCALE, RoundingMode.HALF_UP);
    return new AttendanceTally(
        recorded, present, late, excused, unexcused, rate, run, since, until);
  }

  /** A run of consecutive unexcused absences over the recorded days, from one day to another. */
  public record Run(int length, LocalDate since, LocalDate until) {

    /** Whether the run reaches the threshold. */
    public boolean reaches(int threshold) {
      return length >= threshold;
    }
  }

  /**
   * The run of consecutive unexcused absences that holds this day, wherever it lies among the days
   * (counted as for the current run: a day not recorded neither ends nor extends it); null when the
   * day is not an unexcused absence. A day backfilled in the middle of the history may complete a
   * run that is not the current one.
   */
  public static Run runHolding(List<Day> days, LocalDate date) {
    List<Day> ordered = days.stream().sorted(Comparator.comparing(Day::date)).toList();
    int at = -1;
    for (int i = 0; i < ordered.size(); i++) {
      if (ordered.get(i).date().equals(date)) {
        at = i;
      }
    }
    if (at < 0 || ordered.get(at).status() != AttendanceStatus.UNEXCUSED_ABSENCE) {
      return null;
    }
    int first = at;
    while (first > 0 && ordered.get(first - 1).status() == AttendanceStatus.UNEXCUSED_ABSENCE) {
      first--;
    }
    int last = at;
    while (last < ordered.size() - 1
        && ordered.get(last + 1).status() == AttendanceStatus.UNEXCUSED_ABSENCE) {
      last++;
    }
    return new Run(last - first + 1, ordered.get(first).date(), ordered.get(last).date());
  }

  /** Whether the current run reaches the threshold. */
  public boolean reaches(int threshold) {
    return consecutiveUnexcusedAbsences >= threshold;
  }
}
