package org.passerelle.cohort.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.cohort.AttendanceStatus.EXCUSED_ABSENCE;
import static org.passerelle.cohort.AttendanceStatus.LATE;
import static org.passerelle.cohort.AttendanceStatus.PRESENT;
import static org.passerelle.cohort.AttendanceStatus.UNEXCUSED_ABSENCE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.AttendanceStatus;

/** Counting a learner's days: plain JUnit, no Quarkus. */
class AttendanceTallyTest {

  private static final LocalDate D = LocalDate.of(2027, 1, 11);

  private static List<AttendanceTally.Day> days(AttendanceStatus... statuses) {
    List<AttendanceTally.Day> days = new ArrayList<>();
    for (int i = 0; i < statuses.length; i++) {
      days.add(new AttendanceTally.Day(D.plusDays(i), statuses[i]));
    }
    return days;
  }

  private static BigDecimal rate(AttendanceStatus... statuses) {
    return AttendanceTally.of(days(statuses)).attendanceRate();
  }

  @Test
  void nothingRecordedHasNoRate() {
    AttendanceTally tally = AttendanceTally.of(List.of());
    assertThat(tally.sessionsRecorded()).isZero();
    assertThat(tally.attendanceRate()).isNull();
    assertThat(tally.consecutiveUnexcusedAbsences()).isZero();
    assertThat(tally.runSince()).isNull();
    assertThat(tally.reaches(1)).isFalse();
  }

  @Test
  void ratesAreExactDecimalsWithFourPlaces() {
    assertThat(rate(PRESENT, LATE, UNEXCUSED_ABSENCE)).isEqualTo(new BigDecimal("0.6667"));
    assertThat(rate(PRESENT)).isEqualTo(new BigDecimal("1.0000"));
    assertThat(rate(EXCUSED_ABSENCE)).isEqualTo(new BigDecimal("0.0000"));
    assertThat(rate(PRESENT, UNEXCUSED_ABSENCE, UNEXCUSED_ABSENCE))
        .isEqualTo(new BigDecimal("0.3333"));
    // 1/6 = 0.1666.. rounds half up
    assertThat(
            rate(
                LATE,
                UNEXCUSED_ABSENCE,
                UNEXCUSED_ABSENCE,
                UNEXCUSED_ABSENCE,
                UNEXCUSED_ABSENCE,
                UNEXCUSED_ABSENCE))
        .isEqualTo(new BigDecimal("0.1667"));
    AttendanceTally eighth =
        AttendanceTally.of(
            days(
                PRESENT,
                EXCUSED_ABSENCE,
                EXCUSED_ABSENCE,
                EXCUSED_ABSENCE,
                EXCUSED_ABSENCE,
                EXCUSED_ABSENCE,
                EXCUSED_ABSENCE,
                UNEXCUSED_ABSENCE));
    assertThat(eighth.attendanceRate()).isEqualTo(new BigDecimal("0.1250"));
    assertThat(eighth.sessionsRecorded()).isEqualTo(8);
    assertThat(eighth.present()).isEqualTo(1);
    assertThat(eighth.late()).isZero();
    assertThat(eighth.excusedAbsences()).isEqualTo(6);
    assertThat(eighth.unexcusedAbsences()).isEqualTo(1);
  }

  @Test
  void theCurrentRunIsTheTrailingOneInDateOrder() {
    List<AttendanceTally.Day> days =
        days(UNEXCUSED_ABSENCE, UNEXCUSED_ABSENCE, PRESENT, UNEXCUSED_ABSENCE, UNEXCUSED_ABSENCE);
    Collections.reverse(days);
    AttendanceTally tally = AttendanceTally.of(days);
    assertThat(tally.consecutiveUnexcusedAbsences()).isEqualTo(2);
    assertThat(tally.runSince()).isEqualTo(D.plusDays(3));
    assertThat(tally.runUntil()).isEqualTo(D.plusDays(4));
    assertThat(tally.reaches(2)).isTrue();
    assertThat(tally.reaches(3)).isFalse();
  }

  @Test
  void anythingButAnUnexcusedAbsenceEndsTheRunAndGapsDoNot() {
    for (AttendanceStatus other : new AttendanceStatus[] {PRESENT, LATE, EXCUSED_ABSENCE}) {
      assertThat(
              AttendanceTally.of(days(UNEXCUSED_ABSENCE, UNEXCUSED_ABSENCE, other))
                  .consecutiveUnexcusedAbsences())
          .isZero();
      assertThat(
              AttendanceTally.of(days(UNEXCUSED_ABSENCE, other, UNEXCUSED_ABSENCE))
                  .consecutiveUnexcusedAbsences())
          .isEqualTo(1);
    }
    // days not recorded (a weekend) neither end nor extend the run
    AttendanceTally overWeekend =
        AttendanceTally.of(
            List.of(
                new AttendanceTally.Day(D, UNEXCUSED_ABSENCE),
                new AttendanceTally.Day(D.plusDays(3), UNEXCUSED_ABSENCE),
                new AttendanceTally.Day(D.plusDays(4), UNEXCUSED_ABSENCE)));
    assertThat(overWeekend.consecutiveUnexcusedAbsences()).isEqualTo(3);
    assertThat(overWeekend.runSince()).isEqualTo(D);
    assertThat(overWeekend.attendanceRate()).isEqualTo(new BigDecimal("0.0000"));
  }

  @Test
  void theRunHoldingADayMayBeAnEarlierOneThanTheCurrent() {
    List<AttendanceTally.Day> days =
        days(
            PRESENT,
            UNEXCUSED_ABSENCE,
            UNEXCUSED_ABSENCE,
            UNEXCUSED_ABSENCE,
            PRESENT,
            UNEXCUSED_ABSENCE);
    Collections.shuffle(days);
    // the middle of the earlier run, its ends: the same run
    for (int i = 1; i <= 3; i++) {
      assertThat(AttendanceTally.runHolding(days, D.plusDays(i)))
          .isEqualTo(new AttendanceTally.Run(3, D.plusDays(1), D.plusDays(3)));
    }
    assertThat(AttendanceTally.runHolding(days, D.plusDays(1)).reaches(3)).isTrue();
    assertThat(AttendanceTally.runHolding(days, D.plusDays(1)).reaches(4)).isFalse();
    assertThat(AttendanceTally.runHolding(days, D.plusDays(5)))
        .isEqualTo(new AttendanceTally.Run(1, D.plusDays(5), D.plusDays(5)));
    // a presence, or a day not recorded, holds no run
    assertThat(AttendanceTally.runHolding(days, D)).isNull();
    assertThat(AttendanceTally.runHolding(days, D.plusDays(4))).isNull();
    assertThat(AttendanceTally.runHolding(days, D.plusDays(9))).isNull();
    assertThat(AttendanceTally.runHolding(List.of(), D)).isNull();
    // the current run is still the trailing one
    assertThat(AttendanceTally.of(days).consecutiveUnexcusedAbsences()).isEqualTo(1);
  }

  @Test
  void daysNotRecordedNeitherEndNorExtendTheRunHoldingADay() {
    List<AttendanceTally.Day> days =
        List.of(
            new AttendanceTally.Day(D, UNEXCUSED_ABSENCE),
            new AttendanceTally.Day(D.plusDays(3), UNEXCUSED_ABSENCE),
            new AttendanceTally.Day(D.plusDays(7), UNEXCUSED_ABSENCE),
            new AttendanceTally.Day(D.plusDays(8), EXCUSED_ABSENCE));
    assertThat(AttendanceTally.runHolding(days, D.plusDays(3)))
        .isEqualTo(new AttendanceTally.Run(3, D, D.plusDays(7)));
  }
}
