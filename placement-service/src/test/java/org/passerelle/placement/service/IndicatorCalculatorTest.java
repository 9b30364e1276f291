package org.passerelle.placement.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.placement.ContractType;
import org.passerelle.placement.FollowUpStatus;
import org.passerelle.placement.Learner;
import org.passerelle.placement.Situation;
import org.passerelle.placement.api.ApplicationFacts;
import org.passerelle.placement.api.IndicatorDefinition;
import org.passerelle.placement.api.IndicatorsView;
import org.passerelle.placement.api.LearnerFacts;
import org.passerelle.placement.service.IndicatorCalculator.GroupBy;
import org.passerelle.placement.service.IndicatorCalculator.Tally;

/**
 * Every formula of docs/indicators.md on a hand-built history whose answers are worked out by hand
 * in the comments: a French cohort A (2026-02-01 to 2026-05-31, funded by F1 and F2) with
 * completers, dropouts, a withdrawal before the start, a transfer, a learner still in training and
 * a person erased since; a past French cohort D of the same programme (ended 2025-12-15, funded by
 * F1) measured 3 and 6 months after; a Moroccan cohort C (ended 2025-06-30, funded by F3) measured
 * 9 months after. The period is the first half of 2026.
 */
class IndicatorCalculatorTest {

  static final LocalDate FROM = LocalDate.parse("2026-01-01");
  static final LocalDate TO = LocalDate.parse("2026-06-30");
  static final UUID F1 = id(0xF1);
  static final UUID F2 = id(0xF2);
  static final UUID F3 = id(0xF3);
  static final UUID COHORT_A = id(0xA);
  static final UUID COHORT_D = id(0xD);
  static final UUID COHORT_C = id(0xC);

  static final IndicatorDefinitions DEFINITIONS = new IndicatorDefinitions();

  static UUID id(int n) {
    return UUID.fromString("00000000-0000-4000-8000-%012x".formatted(n));
  }

  // --- a hand-built learner

  static final class Fact {
    UUID learnerId;
    String country = "FR";
    String site = "FR-SEVRAN";
    String programme = "DWWM";
    UUID cohort = COHORT_A;
    LocalDate start = LocalDate.parse("2026-02-01");
    LocalDate end = LocalDate.parse("2026-05-31");
    List<UUID> funders = List.of(F1, F2);
    LocalDate enrolledOn = LocalDate.parse("2026-01-10");
    boolean withdrewBeforeStart;
    boolean transferredIn;
    Learner.ExitKind exitKind;
    LocalDate exitDate;
    String exitReason;
    String outcome;
    List<String> blocks = List.of();
    Integer sessionDays;
    Integer attendedDays;
    String gender;
    String education;
    Boolean jobSeeker;
    List<String> publics;
    boolean erased;
    List<LearnerFacts.FollowUpFact> followUps = new ArrayList<>();
    List<LearnerFacts.PlacementFact> placements = new ArrayList<>();

    Fact(int n) {
      learnerId = id(n);
    }

    Fact cohortD() {
      cohort = COHORT_D;
      start = LocalDate.parse("2025-09-01");
      end = LocalDate.parse("2025-12-15");
      funders = List.of(F1);
      enrolledOn = LocalDate.parse("2025-08-01");
      return completed(end);
    }

    Fact cohortC() {
      country = "MA";
      site = "MA-FES";
      programme = "DEV";
      cohort = COHORT_C;
      start = LocalDate.parse("2025-03-01");
      end = LocalDate.parse("2025-06-30");
      funders = List.of(F3);
      enrolledOn = LocalDate.parse("2025-02-01");
      return completed(end);
    }

    Fact completed(LocalDate day) {
      exitKind = Learner.ExitKind.COMPLETED;
      exitDate = day;
      return this;
    }

    Fact completed() {
      return completed(end);
    }

    Fact withdrew(String day, String reason) {
      exitKind = Learner.ExitKind.WITHDREW;
      exitDate = LocalDate.parse(day);
      exitReason = reason;
      return this;
    }

    Fact certified(String outcome, String... blocks) {
      this.outcome = outcome;
      this.blocks = List.of(blocks);
      return this;
    }

    Fact attendance(int attended, int sessions) {
      attendedDays = attended;
      sessionDays = sessions;
      return this;
    }

    Fact categories(String gender, String education, Boolean jobSeeker, String... publics) {
      this.gender = gender;
      this.education = education;
      this.jobSeeker = jobSeeker;
      this.publics = List.of(publics);
      return this;
    }

    Fact followUp(int offset, FollowUpStatus status, Situation situation, boolean durable) {
      followUps.add(
          new LearnerFacts.FollowUpFact(
              offset, exitDate.plusMonths(offset), status, situation, durable));
      return this;
    }

    Fact placement(Situation situation, String startDay, Integer months, boolean durable) {
      LocalDate startDate = LocalDate.parse(startDay);
      placements.add(
          new LearnerFacts.PlacementFact(
              situation, startDate, startDate, ContractType.CDD, months, durable));
      return this;
    }

    LearnerFacts facts() {
      return new LearnerFacts(
          learnerId,
          country,
          site,
          programme,
          cohort,
          start,
          end,
          funders,
          enrolledOn,
          withdrewBeforeStart,
          transferredIn,
          exitKind,
          exitDate,
          exitReason,
          outcome,
          blocks,
          sessionDays,
          attendedDays,
          gender,
          "18_25",
          education,
          jobSeeker,
          publics,
          erased,
          List.copyOf(followUps),
          List.copyOf(placements));
    }
  }

  // --- the history

  static List<Fact> history() {
    List<Fact> all = new ArrayList<>();
    // cohort A: 8 entrants (a7 left before the start); cohort end 2026-05-31 is in the period
    all.add(
        new Fact(1)
            .completed()
            .certified("CERTIFIED")
            .attendance(80, 100)
            .categories("FEMALE", "NONE", true, "NEET_UNDER_26", "PRIORITY_NEIGHBOURHOOD"));
    all.add(
        new Fact(2)
            .completed()
            .certified("PARTIALLY_CERTIFIED", "B1")
            .attendance(90, 100)
            .categories("MALE", "BAC", false));
    all.add(
        new Fact(3)
            .completed()
            .certified("NOT_CERTIFIED")
            .categories("FEMALE", "BAC_PLUS_2", true, "REFUGEE"));
    Fact a4 = new Fact(4).completed().attendance(100, 100);
    a4.gender = "NOT_DECLARED";
    a4.education = "FOREIGN_DIPLOMA";
    a4.erased = true; // erased in enrollment-service since: their categories and outcomes stay
    all.add(a4);
    all.add(
        new Fact(5)
            .withdrew("2026-03-15", "FOUND_JOB")
            .attendance(20, 30)
            .categories("FEMALE", "BELOW_BAC", true, "DISABILITY")
            .placement(Situation.EMPLOYED, "2026-03-20", null, true));
    all.add(
        new Fact(6)
            .withdrew("2026-04-01", null)
            .attendance(10, 40)
            .categories("MALE", "NONE", false));
    Fact a7 = new Fact(7).withdrew("2026-01-20", "HEALTH").categories("FEMALE", "NONE", true);
    a7.withdrewBeforeStart = true;
    all.add(a7);
    Fact a8 = new Fact(8).completed().certified("CERTIFIED").attendance(45, 50);
    a8.transferredIn = true;
    a8.enrolledOn = LocalDate.parse("2026-03-10");
    a8.education = "BAC_PLUS_3_OR_MORE";
    a8.jobSeeker = true;
    a8.publics = List.of("NEET_UNDER_26");
    all.add(a8);
    Fact a10 = new Fact(10); // still in training: no exit recorded
    a10.gender = "FEMALE";
    all.add(a10);

    // cohort D (same programme, exit 2025-12-15: +3 = 2026-03-15, +6 = 2026-06-15, both in period)
    all.add(
        new Fact(21)
            .cohortD()
            .certified("PARTIALLY_CERTIFIED", "B2", "B3")
            .followUp(3, FollowUpStatus.DONE, Situation.FURTHER_TRAINING, false)
            .followUp(6, FollowUpStatus.DONE, Situation.EMPLOYED, true));
    all.add(
        new Fact(22)
            .cohortD()
            .followUp(3, FollowUpStatus.UNREACHABLE, null, false)
            .placement(Situation.EMPLOYED, "2026-02-01", 3, false));
    all.add(new Fact(23).cohortD().followUp(3, FollowUpStatus.NO_CONSENT, null, false));
    all.add(
        new Fact(24)
            .cohortD()
            .followUp(3, FollowUpStatus.DONE, Situation.JOB_SEEKING, false)
            .followUp(6, FollowUpStatus.DONE, Situation.FURTHER_TRAINING, false));
    // withdrew before cohort D's start without the flag: the date says it; not a leaver
    all.add(
        new Fact(25)
            .cohortD()
            .withdrew("2025-08-20", null)
            .placement(Situation.EMPLOYED, "2026-01-01", null, true));
    all.add(
        new Fact(26)
            .cohortD()
            .withdrew("2025-12-01", "HEALTH")
            .followUp(3, FollowUpStatus.SCHEDULED, null, false)
            .followUp(6, FollowUpStatus.DONE, Situation.SELF_EMPLOYED, false));

    // cohort C, Morocco (exit 2025-06-30: +9 = 2026-03-30, in period)
    all.add(new Fact(31).cohortC().followUp(9, FollowUpStatus.DONE, Situation.EMPLOYED, false));
    all.add(
        new Fact(32)
            .cohortC()
            .followUp(9, FollowUpStatus.DONE, Situation.JOB_SEEKING, false)
            .placement(Situation.EMPLOYED, "2025-09-01", 3, false));
    all.add(new Fact(33).cohortC().followUp(9, FollowUpStatus.UNREACHABLE, null, false));
    all.add(
        new Fact(34)
            .cohortC()
            .followUp(9, FollowUpStatus.NO_CONSENT, null, false)
            .placement(Situation.SELF_EMPLOYED, "2026-01-10", null, false));
    all.add(new Fact(35).cohortC().followUp(9, FollowUpStatus.DONE, Situation.INACTIVE, false));
    Fact m6 = new Fact(36).cohortC().followUp(9, FollowUpStatus.DONE, Situation.WORK_STUDY, false);
    m6.transferredIn = true;
    all.add(m6);
    return all;
  }

  static List<LearnerFacts> learners(List<Fact> facts) {
    return facts.stream().map(Fact::facts).toList();
  }

  static List<ApplicationFacts> applications() {
    LocalDate aStart = LocalDate.parse("2026-02-01");
    LocalDate submitted = LocalDate.parse("2025-12-01");
    return List.of(
        new ApplicationFacts(id(101), COHORT_A, "FR", "FR-SEVRAN", "DWWM", aStart, submitted, true),
        new ApplicationFacts(
            id(102), COHORT_A, "FR", "FR-SEVRAN", "DWWM", aStart, submitted, false),
        new ApplicationFacts(id(103), COHORT_A, "FR", "FR-SEVRAN", "DWWM", aStart, submitted, true),
        // a cohort placement-service has not heard of: no start day, not attributed
        new ApplicationFacts(id(104), id(0xE), "FR", "FR-SEVRAN", "DWWM", null, submitted, true),
        new ApplicationFacts(
            id(105),
            COHORT_C,
            "MA",
            "MA-FES",
            "DEV",
            LocalDate.parse("2025-03-01"),
            submitted,
            true));
  }

  static IndicatorCalculator calculator(int minCell, List<LearnerFacts> all) {
    return new IndicatorCalculator(IndicatorCalculator.Context.of(minCell, all));
  }

  /** Nothing suppressed: every formula's exact numbers. */
  static Tally tally(String indicator, String category) {
    List<LearnerFacts> all = learners(history());
    Map<String, Tally> tallies =
        calculator(1, all)
            .tally(DEFINITIONS.byId(indicator).orElseThrow(), FROM, TO, all, applications());
    assertThat(tallies).as(indicator).containsKey(category);
    return tallies.get(category);
  }

  static void assertTally(
      Tally tally, long numerator, Long denominator, Long unknown, List<Integer> numeratorIds) {
    assertThat(tally.numerator()).isEqualTo(numerator);
    assertThat(tally.denominator()).isEqualTo(denominator);
    assertThat(tally.unknown()).isEqualTo(unknown);
    assertThat(tally.numeratorIds())
        .containsExactlyElementsOf(numeratorIds.stream().map(IndicatorCalculatorTest::id).toList());
  }

  static List<Integer> ids(Integer... ids) {
    return List.of(ids);
  }

  static IndicatorsView.Figure figure(
      List<IndicatorsView.Group> groups,
      IndicatorsView.Key key,
      String indicator,
      String category) {
    return groups.stream()
        .filter(group -> group.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no group " + key))
        .figures()
        .stream()
        .filter(f -> f.indicator().equals(indicator))
        .filter(f -> Objects.equals(f.category(), category))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no figure " + indicator + "/" + category));
  }

  static IndicatorsView.Key country(String country) {
    return new IndicatorsView.Key(country, null, null, null, null);
  }

  static BigDecimal decimal(String value) {
    return new BigDecimal(value);
  }

  // --- counts

  @Test
  void applicationsCountThoseOfCohortsStartingInThePeriod() {
    // 101-103 (cohort A); 104's cohort is unknown, 105's cohort C started in 2025
    assertTally(tally("applications", null), 3, null, null, ids(101, 102, 103));
    assertTally(tally("accepted-applications", null), 2, null, null, ids(101, 103));
  }

  @Test
  void entrantsLeaveOutWithdrawalsBeforeTheStartAndCountATransferInTheLatestCohort() {
    // a7 withdrew before the start (flag); a8 came by a transfer on 2026-03-10; d-learners
    // started in 2025; a10 is still in training but entered
    assertTally(tally("entrants", null), 8, null, null, ids(1, 2, 3, 4, 5, 6, 8, 10));
    assertThat(IndicatorCalculator.startDay(new Fact(8).facts()))
        .isEqualTo(LocalDate.parse("2026-02-01"));
    Fact transfer = new Fact(9);
    transfer.enrolledOn = LocalDate.parse("2026-04-02");
    // a seat obtained while the cohort ran: entered that day
    assertThat(IndicatorCalculator.startDay(transfer.facts()))
        .isEqualTo(LocalDate.parse("2026-04-02"));
    Fact recordedLater = new Fact(11);
    recordedLater.enrolledOn = LocalDate.parse("2026-07-02");
    // a seat recorded after the cohort ended (a history entered after the fact): on the start
    assertThat(IndicatorCalculator.startDay(recordedLater.facts()))
        .isEqualTo(LocalDate.parse("2026-02-01"));
  }

  // --- training outcomes (cohort A ended in the period)

  @Test
  void completionAndDropoutCountExitsOfCohortsEndedInThePeriodAndATransferIsNoDropout() {
    // exits: a1 a2 a3 a4 a8 completed (a8 transferred in), a5 a6 withdrew; a10 still in training
    assertTally(tally("completion-rate", null), 5, 7L, 1L, ids(1, 2, 3, 4, 8));
    assertTally(tally("dropout-rate", null), 2, 7L, 1L, ids(5, 6));
    assertTally(tally("dropout-rate", "FOUND_JOB"), 1, 7L, 1L, ids(5));
    assertTally(tally("dropout-rate", IndicatorCalculator.NOT_CODED), 1, 7L, 1L, ids(6));
    assertThat(tally("completion-rate", null).unknownIds()).containsExactly(id(10));
  }

  @Test
  void certificationRatesCountPresentedLearnersIncludingPartialOnes() {
    // presented: a1 a2 a3 a8 (a4 completed without a jury outcome; dropouts were not presented)
    assertTally(tally("certification-presented-rate", null), 4, 7L, 1L, ids(1, 2, 3, 8));
    assertTally(tally("certification-rate", null), 2, 4L, 1L, ids(1, 8));
    assertTally(tally("partial-certification-rate", null), 1, 4L, 1L, ids(2));
  }

  @Test
  void blockRatesCountBlocksObtainedOrAFullCertificationAmongPresentedLearners() {
    // programme DWWM has B1 (a2), B2 and B3 (d21, of a past cohort): every presented learner of
    // cohort A is in each denominator; a full certification obtains every block
    assertTally(tally("block-certification-rate", "B1"), 3, 4L, 1L, ids(1, 2, 8));
    assertTally(tally("block-certification-rate", "B2"), 2, 4L, 1L, ids(1, 8));
    assertTally(tally("block-certification-rate", "B3"), 2, 4L, 1L, ids(1, 8));
    List<LearnerFacts> all = learners(history());
    assertThat(
            calculator(1, all)
                .tally(
                    DEFINITIONS.byId("block-certification-rate").orElseThrow(),
                    FROM,
                    TO,
                    all,
                    List.of())
                .keySet())
        .containsExactly("B1", "B2", "B3");
  }

  @Test
  void attendanceSumsDaysOfLearnersWithAttendanceFacts() {
    // a1 80/100, a2 90/100, a4 100/100, a5 20/30, a6 10/40, a8 45/50: 345 / 420; a3 a10 unknown
    Tally attendance = tally("attendance-rate", null);
    assertThat(attendance.numerator()).isEqualTo(345);
    assertThat(attendance.denominator()).isEqualTo(420);
    assertThat(attendance.unknown()).isEqualTo(2);
    assertThat(attendance.people()).isEqualTo(6);
    assertThat(attendance.unknownIds()).containsExactly(id(3), id(10));
  }

  // --- shares of entrants

  @Test
  void sharesCountDeclaredCategoriesOfEntrantsAndNotDeclaredIsUnknown() {
    // entrants a1 a2 a3 a4 a5 a6 a8 a10; a7 (a woman) withdrew before the start
    // gender: a4 NOT_DECLARED, a8 unknown; women a1 a3 a5 a10
    assertTally(tally("women-share", null), 4, 6L, 2L, ids(1, 3, 5, 10));
    // education: a4 FOREIGN_DIPLOMA and a10 unknown; bac or below a1 a2 a5 a6
    assertTally(tally("bac-or-below-share", null), 4, 6L, 2L, ids(1, 2, 5, 6));
    // priority publics unknown for a4 and a10
    assertTally(tally("neet-under-26-share", null), 2, 6L, 2L, ids(1, 8));
    assertTally(tally("priority-neighbourhood-share", null), 1, 6L, 2L, ids(1));
    assertTally(tally("refugee-share", null), 1, 6L, 2L, ids(3));
    assertTally(tally("disability-share", null), 1, 6L, 2L, ids(5));
    assertTally(tally("job-seeker-share", null), 4, 6L, 2L, ids(1, 3, 5, 8));
  }

  // --- after the training

  @Test
  void positiveExitsAtThreeMonthsReadTheFollowUpElseARecordedSituationCoveringTheDay() {
    // exit + 3 in the period: a5 (2026-06-15), d21 d22 d23 d24 (2026-03-15), d26 (2026-03-01);
    // d25 withdrew before its cohort's start (by the date): no leaver.
    // a5: placement since 03-20 -> EMPLOYED; d21: follow-up FURTHER_TRAINING; d22 unreachable but a
    // 3-month CDD from 02-01 covers 03-15 -> EMPLOYED; d23 no consent: unknown; d24 JOB_SEEKING;
    // d26 follow-up not done yet: unknown
    Tally positive = tally("positive-exit-3m", null);
    assertTally(positive, 3, 4L, 2L, ids(5, 21, 22));
    assertThat(positive.denominatorIds()).containsExactly(id(5), id(21), id(22), id(24));
    assertThat(positive.unknownIds()).containsExactly(id(23), id(26));
  }

  @Test
  void positiveEmploymentAndDurableEmploymentAtSixMonths() {
    // exit + 6 in the period: d21 d22 d23 d24 (2026-06-15) and d26 (2026-06-01).
    // d21 EMPLOYED durable; d22's CDD ended 2026-05-01: unknown; d23 unknown; d24 FURTHER_TRAINING;
    // d26 SELF_EMPLOYED
    assertTally(tally("positive-exit-6m", null), 3, 3L, 2L, ids(21, 24, 26));
    assertTally(tally("employment-6m", null), 2, 3L, 2L, ids(21, 26));
    assertTally(tally("durable-employment-6m", null), 1, 3L, 2L, ids(21));
  }

  @Test
  void moroccanInsertionAndEmploymentAtNineMonths() {
    // m31 EMPLOYED at +9; m32 JOB_SEEKING at +9 but held a CDD from 2025-09-01: inserted, not
    // employed; m33 unreachable, nothing recorded: unknown; m34 no consent but self-employed since
    // 2026-01-10: both; m35 INACTIVE; m36 (transferred in) WORK_STUDY
    assertTally(tally("employment-9m", null), 3, 5L, 1L, ids(31, 34, 36));
    assertTally(tally("insertion-9m", null), 4, 5L, 1L, ids(31, 32, 34, 36));
  }

  @Test
  void aSituationRecordedAsUnknownIsUnknownAndTheLatestCoveringSituationWins() {
    Fact learner =
        new Fact(40)
            .completed(LocalDate.parse("2026-01-15"))
            .followUp(3, FollowUpStatus.DONE, Situation.UNKNOWN, false)
            .placement(Situation.JOB_SEEKING, "2026-01-20", null, false)
            .placement(Situation.EMPLOYED, "2026-03-01", 12, true);
    assertThat(IndicatorCalculator.situationAt(learner.facts(), 3))
        .contains(new IndicatorCalculator.Observed(Situation.EMPLOYED, true));
    assertThat(IndicatorCalculator.situationAt(learner.facts(), 1))
        .contains(new IndicatorCalculator.Observed(Situation.JOB_SEEKING, false));
    assertThat(IndicatorCalculator.situationAt(new Fact(41).facts(), 3)).isEmpty();
  }

  // --- zero denominators, erasure, period edges

  @Test
  void aZeroDenominatorHasNoValueAndIsNotSuppressed() {
    // a cohort ended in the period whose two learners are still in training
    Fact first = new Fact(50);
    Fact second = new Fact(51);
    List<LearnerFacts> all = learners(List.of(first, second));
    List<IndicatorsView.Group> groups =
        calculator(5, all).groups(DEFINITIONS.all(), GroupBy.COUNTRY, FROM, TO, all, List.of());
    IndicatorsView.Figure completion = figure(groups, country("FR"), "completion-rate", null);
    assertThat(completion.suppressed()).isFalse();
    assertThat(completion.numerator()).isZero();
    assertThat(completion.denominator()).isZero();
    assertThat(completion.value()).isNull();
    assertThat(completion.unknown()).isEqualTo(2);
    assertThat(completion.responseRate()).isEqualByComparingTo("0");
    IndicatorsView.Figure positive = figure(groups, country("FR"), "positive-exit-3m", null);
    assertThat(positive.denominator()).isZero();
    assertThat(positive.unknown()).isZero();
    assertThat(positive.responseRate()).isNull();
    assertThat(positive.value()).isNull();
  }

  @Test
  void aPersonErasedAfterThePeriodCountsExactlyAsBefore() {
    List<Fact> history = history();
    List<LearnerFacts> erased = learners(history);
    history.stream()
        .filter(fact -> fact.learnerId.equals(id(4)))
        .forEach(fact -> fact.erased = false);
    List<LearnerFacts> notErased = learners(history);
    assertThat(
            calculator(1, erased)
                .groups(DEFINITIONS.all(), GroupBy.COHORT, FROM, TO, erased, applications()))
        .isEqualTo(
            calculator(1, notErased)
                .groups(DEFINITIONS.all(), GroupBy.COHORT, FROM, TO, notErased, applications()));
  }

  @Test
  void periodBoundsAreInclusiveDays() {
    List<LearnerFacts> all = learners(history());
    IndicatorDefinition entrants = DEFINITIONS.byId("entrants").orElseThrow();
    IndicatorCalculator calculator = calculator(1, all);
    LocalDate start = LocalDate.parse("2026-02-01");
    assertThat(calculator.tally(entrants, start, start, all, List.of()).get(null).numerator())
        .isEqualTo(7); // a8 entered on 03-10
    assertThat(
            calculator
                .tally(entrants, FROM, start.minusDays(1), all, List.of())
                .get(null)
                .numerator())
        .isZero();
  }

  // --- figures, groups, thresholds, suppression

  @Test
  void figuresCarryValuesResponseRatesDefinitionVersionsAndThresholdsOfTheGroupsCountry() {
    List<LearnerFacts> all = learners(history());
    List<IndicatorsView.Group> groups =
        calculator(1, all)
            .groups(DEFINITIONS.all(), GroupBy.COUNTRY, FROM, TO, all, applications());
    assertThat(groups)
        .extracting(IndicatorsView.Group::key)
        .containsExactly(country("FR"), country("MA"));

    IndicatorsView.Figure completion = figure(groups, country("FR"), "completion-rate", null);
    assertThat(completion.value()).isEqualByComparingTo("0.7143");
    assertThat(completion.responseRate()).isEqualByComparingTo("0.8750");
    assertThat(completion.definitionVersion()).isEqualTo(1);
    assertThat(completion.threshold()).isNull();
    assertThat(figure(groups, country("FR"), "attendance-rate", null).value())
        .isEqualByComparingTo("0.8214");
    assertThat(figure(groups, country("FR"), "attendance-rate", null).responseRate())
        .isEqualByComparingTo("0.7500");

    IndicatorsView.Figure women = figure(groups, country("FR"), "women-share", null);
    assertThat(women.value()).isEqualByComparingTo("0.6667");
    assertThat(women.threshold().min()).isEqualByComparingTo("0.30");
    assertThat(women.threshold().met()).isTrue();
    assertThat(women.threshold().source()).contains("30 %");
    IndicatorsView.Figure bac = figure(groups, country("FR"), "bac-or-below-share", null);
    assertThat(bac.threshold().min()).isEqualByComparingTo("0.80");
    assertThat(bac.threshold().met()).isFalse();
    IndicatorsView.Figure neet = figure(groups, country("FR"), "neet-under-26-share", null);
    assertThat(neet.value()).isEqualByComparingTo("0.3333");
    assertThat(neet.threshold().met()).isFalse();

    IndicatorsView.Figure entrants = figure(groups, country("FR"), "entrants", null);
    assertThat(entrants.numerator()).isEqualTo(8);
    assertThat(entrants.denominator()).isNull();
    assertThat(entrants.value()).isNull();
    assertThat(entrants.unknown()).isNull();

    // France's label thresholds are France's; Morocco's 9-month survey is Morocco's
    assertThat(figure(groups, country("MA"), "women-share", null).threshold()).isNull();
    assertThat(figure(groups, country("MA"), "insertion-9m", null).value())
        .isEqualByComparingTo("0.8000");
    assertThat(groups.get(1).figures())
        .extracting(IndicatorsView.Figure::indicator)
        .doesNotContain("positive-exit-3m", "durable-employment-6m");
    assertThat(groups.get(0).figures())
        .extracting(IndicatorsView.Figure::indicator)
        .doesNotContain("insertion-9m", "employment-9m");
  }

  @Test
  void groupingByFunderCountsALearnerUnderEachFunderOfTheirCohort() {
    List<LearnerFacts> all = learners(history());
    List<IndicatorsView.Group> groups =
        calculator(1, all).groups(DEFINITIONS.all(), GroupBy.FUNDER, FROM, TO, all, applications());
    IndicatorsView.Key f1 = new IndicatorsView.Key(null, null, null, null, F1);
    IndicatorsView.Key f2 = new IndicatorsView.Key(null, null, null, null, F2);
    IndicatorsView.Key f3 = new IndicatorsView.Key(null, null, null, null, F3);
    assertThat(groups).extracting(IndicatorsView.Group::key).containsExactly(f1, f2, f3);
    // cohort A is funded by F1 and F2: its entrants count under both
    assertThat(figure(groups, f1, "entrants", null).numerator()).isEqualTo(8);
    assertThat(figure(groups, f2, "entrants", null).numerator()).isEqualTo(8);
    // applications name only their cohort: placed by the cohort's funders
    assertThat(figure(groups, f1, "applications", null).numerator()).isEqualTo(3);
    assertThat(figure(groups, f2, "applications", null).numerator()).isEqualTo(3);
    // cohort D (F1 only) is measured 3 months after: F2 sees only a5
    assertThat(figure(groups, f1, "positive-exit-3m", null).denominator()).isEqualTo(4);
    assertThat(figure(groups, f2, "positive-exit-3m", null).denominator()).isEqualTo(1);
    assertThat(figure(groups, f3, "employment-9m", null).numerator()).isEqualTo(3);
  }

  @Test
  void groupingBySiteProgrammeAndCohortKeepsOnlyTheDimensionInTheKey() {
    List<LearnerFacts> all = learners(history());
    IndicatorCalculator calculator = calculator(1, all);
    assertThat(calculator.groups(DEFINITIONS.all(), GroupBy.SITE, FROM, TO, all, applications()))
        .extracting(IndicatorsView.Group::key)
        .containsExactly(
            new IndicatorsView.Key(null, "FR-SEVRAN", null, null, null),
            new IndicatorsView.Key(null, "MA-FES", null, null, null));
    assertThat(
            calculator.groups(DEFINITIONS.all(), GroupBy.PROGRAMME, FROM, TO, all, applications()))
        .extracting(group -> group.key().programmeCode())
        .containsExactly("DEV", "DWWM");
    // cohort D is measured in the period, so it has a group; its own entrants are not in it
    List<IndicatorsView.Group> cohorts =
        calculator.groups(DEFINITIONS.all(), GroupBy.COHORT, FROM, TO, all, applications());
    assertThat(cohorts)
        .extracting(group -> group.key().cohortId())
        .containsExactly(COHORT_A, COHORT_C, COHORT_D);
    assertThat(
            figure(
                    cohorts,
                    new IndicatorsView.Key(null, null, null, COHORT_D, null),
                    "entrants",
                    null)
                .numerator())
        .isZero();
  }

  @Test
  void aGroupWhereNoFigureCountsAnyoneIsLeftOut() {
    List<LearnerFacts> all = learners(history());
    assertThat(
            calculator(1, all)
                .groups(
                    DEFINITIONS.all(),
                    GroupBy.COUNTRY,
                    LocalDate.parse("2030-01-01"),
                    LocalDate.parse("2030-12-31"),
                    all,
                    applications()))
        .isEmpty();
  }

  @Test
  void smallCellsAreSuppressedAndCarryNoNumber() {
    List<LearnerFacts> all = learners(history());
    List<IndicatorsView.Group> groups =
        calculator(5, all)
            .groups(DEFINITIONS.all(), GroupBy.COUNTRY, FROM, TO, all, applications());
    IndicatorsView.Key fr = country("FR");
    // 8 entrants, 5 of 7 completed: shown
    assertThat(figure(groups, fr, "entrants", null).suppressed()).isFalse();
    assertThat(figure(groups, fr, "completion-rate", null).numerator()).isEqualTo(5);
    // 2 of 7 dropped out, 1 for a job: numerators below 5
    IndicatorsView.Figure dropout = figure(groups, fr, "dropout-rate", "FOUND_JOB");
    assertThat(dropout.suppressed()).isTrue();
    assertThat(dropout.numerator()).isNull();
    assertThat(dropout.denominator()).isNull();
    assertThat(dropout.value()).isNull();
    assertThat(dropout.unknown()).isNull();
    assertThat(dropout.responseRate()).isNull();
    // 4 presented: a denominator below 5
    assertThat(figure(groups, fr, "certification-rate", null).suppressed()).isTrue();
    // 3 applications: a count below 5
    assertThat(figure(groups, fr, "applications", null).suppressed()).isTrue();
    // attendance: 6 learners behind 420 days: shown
    assertThat(figure(groups, fr, "attendance-rate", null).suppressed()).isFalse();
    // the threshold stays, without saying whether it is met
    IndicatorsView.Figure women = figure(groups, fr, "women-share", null);
    assertThat(women.suppressed()).isTrue();
    assertThat(women.threshold().min()).isEqualByComparingTo("0.30");
    assertThat(women.threshold().met()).isNull();
    // zero is shown: the completion of Morocco's cohorts ended in the period counts nobody
    assertThat(figure(groups, country("MA"), "completion-rate", null).suppressed()).isFalse();
    int suppressed = IndicatorCalculator.suppressed(groups);
    assertThat(suppressed).isGreaterThan(10);
    assertThat(
            groups.stream()
                .flatMap(group -> group.figures().stream())
                .filter(f -> f.suppressed())
                .allMatch(f -> f.numerator() == null && f.value() == null))
        .isTrue();
  }

  @Test
  void theSuppressionRuleAtItsEdges() {
    IndicatorCalculator calculator = calculator(5, List.of());
    IndicatorDefinition rate = DEFINITIONS.byId("completion-rate").orElseThrow();
    IndicatorDefinition count = DEFINITIONS.byId("entrants").orElseThrow();
    IndicatorDefinition attendance = DEFINITIONS.byId("attendance-rate").orElseThrow();
    assertThat(calculator.suppressed(rate, tally(0, 5, 5))).isFalse();
    assertThat(calculator.suppressed(rate, tally(5, 5, 5))).isFalse();
    assertThat(calculator.suppressed(rate, tally(4, 9, 9))).isTrue();
    assertThat(calculator.suppressed(rate, tally(0, 4, 4))).isTrue();
    assertThat(calculator.suppressed(rate, tally(0, 0, 0))).isFalse();
    assertThat(calculator.suppressed(count, tally(4, 0, 0))).isTrue();
    assertThat(calculator.suppressed(count, tally(0, 0, 0))).isFalse();
    assertThat(calculator.suppressed(count, tally(5, 0, 0))).isFalse();
    // attendance counts days: 3 days of 5 learners is shown, 100 days of 4 learners is not
    assertThat(calculator.suppressed(attendance, tally(3, 50, 5))).isFalse();
    assertThat(calculator.suppressed(attendance, tally(100, 120, 4))).isTrue();
  }

  static Tally tally(long numerator, long denominator, long people) {
    return new Tally(numerator, denominator, 0L, people, List.of(), List.of(), List.of());
  }

  @Test
  void everyDefinitionOfTheFileIsComputedOnTheHistory() {
    List<LearnerFacts> all = learners(history());
    IndicatorCalculator calculator = calculator(1, all);
    for (IndicatorDefinition definition : DEFINITIONS.all()) {
      assertThat(calculator.tally(definition, FROM, TO, all, applications()))
          .as(definition.id())
          .isNotEmpty();
    }
    assertThat(DEFINITIONS.countries()).isEqualTo(Set.of("FR", "MA"));
  }
}
