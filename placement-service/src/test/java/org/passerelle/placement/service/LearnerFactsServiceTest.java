package org.passerelle.placement.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.BrokerEvents;
import org.passerelle.placement.FollowUpStatus;
import org.passerelle.placement.Learner;
import org.passerelle.placement.Situation;
import org.passerelle.placement.api.ApplicationFacts;
import org.passerelle.placement.api.LearnerFacts;
import org.passerelle.placement.rest.FollowUpResourceTest;
import org.passerelle.placement.testing.Announced;
import org.passerelle.placement.testing.IndicatorEvents;
import org.passerelle.placement.testing.IndicatorEvents.Attendance;
import org.passerelle.placement.testing.IndicatorEvents.Categories;
import org.passerelle.placement.testing.LearnerEvents;
import org.passerelle.placement.testing.LearnerEvents.Trainee;

/**
 * The facts the impact indicators count, projected from enrollment's and cohort's events through
 * the real broker: declared categories, withdrawals before the start, transfers, certification
 * blocks, attendance, cohorts' dates and funders (newest version wins), follow-ups and recorded
 * placements, applications for the funnel. Each test uses fresh ids and reads only its own rows.
 */
@QuarkusTest
class LearnerFactsServiceTest {

  static final Categories WOMAN_NEET =
      new Categories("FEMALE", "18_25", "BELOW_BAC", true, List.of("NEET_UNDER_26", "REFUGEE"));
  static final LocalDate START = LocalDate.parse("2025-09-01");
  static final LocalDate END = LocalDate.parse("2026-03-31");
  static final OffsetDateTime ENROLLED = OffsetDateTime.parse("2025-07-10T09:00:00Z");

  @Inject LearnerFactsService facts;

  /** Sends the records in order, then waits until each was applied. */
  @SafeVarargs
  static void sendAndAwait(ProducerRecord<String, byte[]>... records) {
    for (ProducerRecord<String, byte[]> record : records) {
      BrokerEvents.send(record);
    }
    for (ProducerRecord<String, byte[]> record : records) {
      LearnerEvents.applied(record);
    }
  }

  LearnerFacts of(Trainee trainee) {
    List<LearnerFacts> found =
        facts.learners(Set.of(trainee.country())).stream()
            .filter(learner -> learner.learnerId().equals(trainee.learnerId()))
            .toList();
    assertThat(found).hasSize(1);
    return found.getFirst();
  }

  @Test
  void aCertifiedLearnerCarriesTheirCategoriesBlocksAttendanceAndTheirCohortsDatesAndFunders() {
    Trainee trainee = Trainee.at("FR-SEVRAN");
    UUID funder = UUID.randomUUID();
    sendAndAwait(
        IndicatorEvents.cohortScheduled(trainee, START, END, List.of(funder)),
        LearnerEvents.learnerEnrolled(trainee, ENROLLED),
        IndicatorEvents.applicationEnrolled(trainee, ENROLLED, WOMAN_NEET),
        IndicatorEvents.cohortSnapshot(
            "cohort-started", trainee, START, END, "RUNNING", 2, List.of(funder)),
        IndicatorEvents.learnerCompleted(
            trainee,
            OffsetDateTime.parse("2026-03-31T15:00:00Z"),
            "PARTIALLY_CERTIFIED",
            List.of("BC02", "BC01"),
            new Attendance(120, 111)));

    LearnerFacts learner = of(trainee);
    assertThat(learner.country()).isEqualTo("FR");
    assertThat(learner.siteCode()).isEqualTo("FR-SEVRAN");
    assertThat(learner.programmeCode()).isEqualTo("DEV-WEB");
    assertThat(learner.cohortId()).isEqualTo(trainee.cohortId());
    assertThat(learner.cohortStartDate()).isEqualTo(START);
    assertThat(learner.cohortEndDate()).isEqualTo(END);
    assertThat(learner.funderPartnerIds()).containsExactly(funder);
    assertThat(learner.enrolledOn()).isEqualTo(LocalDate.parse("2025-07-10"));
    assertThat(learner.withdrewBeforeStart()).isFalse();
    assertThat(learner.transferredIn()).isFalse();
    assertThat(learner.exitKind()).isEqualTo(Learner.ExitKind.COMPLETED);
    assertThat(learner.exitDate()).isEqualTo(END);
    assertThat(learner.exitReason()).isNull();
    assertThat(learner.certificationOutcome()).isEqualTo("PARTIALLY_CERTIFIED");
    assertThat(learner.certificationBlocks()).containsExactly("BC01", "BC02");
    assertThat(learner.sessionDays()).isEqualTo(120);
    assertThat(learner.attendedDays()).isEqualTo(111);
    assertThat(learner.gender()).isEqualTo("FEMALE");
    assertThat(learner.ageBand()).isEqualTo("18_25");
    assertThat(learner.educationLevel()).isEqualTo("BELOW_BAC");
    assertThat(learner.jobSeeker()).isTrue();
    assertThat(learner.priorityPublics()).containsExactly("NEET_UNDER_26", "REFUGEE");
    assertThat(learner.erased()).isFalse();
    assertThat(learner.followUps())
        .extracting(LearnerFacts.FollowUpFact::offsetMonths)
        .containsExactly(3, 6, 12);
    assertThat(learner.placements()).isEmpty();
    assertThat(facts.learners(Set.of("MA")))
        .noneMatch(other -> other.learnerId().equals(trainee.learnerId()));

    // a person erased since keeps their categories and outcomes
    sendAndAwait(LearnerEvents.applicantErased(trainee));
    LearnerFacts erased = of(trainee);
    assertThat(erased.erased()).isTrue();
    assertThat(erased.gender()).isEqualTo("FEMALE");
    assertThat(erased.certificationOutcome()).isEqualTo("PARTIALLY_CERTIFIED");
  }

  @Test
  void anExitRecordedAfterTheFactStaysWhenEnrollmentsEchoOfTheSeatArrivesLater() {
    // a past cohort typed in today: the seat is recorded now, the jury dated last year;
    // enrollment's
    // echo of the seat comes on its own topic after the completion (a CI-loaded demo lost exits so)
    Trainee trainee = Trainee.at("FR-SEVRAN");
    OffsetDateTime typedIn = OffsetDateTime.now();
    for (ProducerRecord<String, byte[]> record :
        List.of(
            IndicatorEvents.cohortScheduled(trainee, START, END, List.of()),
            LearnerEvents.learnerEnrolled(trainee, typedIn),
            IndicatorEvents.learnerCompleted(
                trainee,
                OffsetDateTime.parse("2026-03-31T15:00:00Z"),
                "CERTIFIED",
                List.of("BC01", "BC02"),
                new Attendance(100, 90)),
            IndicatorEvents.applicationEnrolled(trainee, typedIn.plusSeconds(1), WOMAN_NEET))) {
      sendAndAwait(record); // one after the other: the echo is applied last
    }

    LearnerFacts learner = of(trainee);
    assertThat(learner.exitKind()).isEqualTo(Learner.ExitKind.COMPLETED);
    assertThat(learner.exitDate()).isEqualTo(END);
    assertThat(learner.certificationOutcome()).isEqualTo("CERTIFIED");
    assertThat(learner.attendedDays()).isEqualTo(90);
    assertThat(learner.gender()).isEqualTo("FEMALE");
  }

  /** One learner's whole history, as the services emitted it, in their order. */
  static List<ProducerRecord<String, byte[]>> history(
      Trainee trainee, Trainee elsewhere, UUID funder) {
    return List.of(
        IndicatorEvents.cohortScheduled(elsewhere, START, END, List.of()),
        IndicatorEvents.cohortScheduled(trainee, START, END, List.of()),
        LearnerEvents.learnerEnrolled(elsewhere, ENROLLED),
        IndicatorEvents.applicationEnrolled(elsewhere, ENROLLED, WOMAN_NEET),
        IndicatorEvents.cohortSnapshot(
            "cohort-changed", trainee, START, END, "RECRUITING", 1, List.of(funder)),
        LearnerEvents.learnerTransferred(elsewhere, trainee, ENROLLED.plusDays(15)),
        IndicatorEvents.cohortSnapshot(
            "cohort-started", trainee, START, END, "RUNNING", 2, List.of(funder)),
        IndicatorEvents.learnerWithdrew(
            trainee,
            OffsetDateTime.parse("2025-12-01T10:00:00Z"),
            "FOUND_JOB",
            false,
            new Attendance(60, 57)));
  }

  @Test
  void theSameHistoryGivesTheSameFactsInAnyOrderAndReplayedUnderOtherEventIds() {
    UUID funder = UUID.randomUUID();
    Trainee inOrder = Trainee.at("FR-SEVRAN");
    Trainee inOrderFirst = new Trainee(inOrder.learnerId(), UUID.randomUUID(), "FR-CERGY");
    Trainee reversed = Trainee.at("FR-SEVRAN");
    Trainee reversedFirst = new Trainee(reversed.learnerId(), UUID.randomUUID(), "FR-CERGY");
    for (ProducerRecord<String, byte[]> record : history(inOrder, inOrderFirst, funder)) {
      sendAndAwait(record);
    }
    List<ProducerRecord<String, byte[]>> backwards =
        new ArrayList<>(history(reversed, reversedFirst, funder));
    Collections.reverse(backwards);
    for (ProducerRecord<String, byte[]> record : backwards) {
      sendAndAwait(record);
    }

    LearnerFacts expected = of(inOrder);
    assertThat(expected.transferredIn()).isTrue();
    assertThat(expected.exitKind()).isEqualTo(Learner.ExitKind.WITHDREW);
    assertThat(expected.funderPartnerIds()).containsExactly(funder);
    assertThat(of(reversed))
        .usingRecursiveComparison()
        .ignoringFields("learnerId", "cohortId")
        .isEqualTo(expected);

    // the whole history again, under new event ids: nothing moves
    for (ProducerRecord<String, byte[]> record : history(inOrder, inOrderFirst, funder)) {
      sendAndAwait(record);
    }
    assertThat(of(inOrder)).isEqualTo(expected);
  }

  @Test
  void theNewestCohortVersionWinsAndACohortFirstHeardOfByItsCancellationIsKept() {
    Trainee trainee = Trainee.at("MA-FES");
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    LocalDate later = END.plusMonths(1);
    sendAndAwait(
        LearnerEvents.learnerEnrolled(trainee, ENROLLED),
        IndicatorEvents.cohortSnapshot(
            "cohort-changed", trainee, START, later, "RECRUITING", 3, List.of(first, second)),
        // older versions arriving late take nothing back
        IndicatorEvents.cohortSnapshot(
            "cohort-changed", trainee, START, END, "RECRUITING", 2, List.of(first)),
        IndicatorEvents.cohortScheduled(trainee, START, END, List.of()));
    LearnerFacts learner = of(trainee);
    assertThat(learner.cohortEndDate()).isEqualTo(later);
    assertThat(learner.funderPartnerIds()).containsExactly(first, second);
    assertThat(learner.exitKind()).isNull();
    assertThat(learner.priorityPublics()).as("categories not heard of yet").isNull();
    assertThat(learner.gender()).isNull();

    sendAndAwait(
        IndicatorEvents.cohortSnapshot(
            "cohort-completed", trainee, START, later, "COMPLETED", 5, List.of(first)));
    assertThat(of(trainee).funderPartnerIds()).containsExactly(first);

    Trainee cancelled = Trainee.at("MA-FES");
    sendAndAwait(IndicatorEvents.cohortCancelled(cancelled, 4));
    assertThat(
            Announced.count(
                "select count(*) from known_cohort where cohort_id = '"
                    + cancelled.cohortId()
                    + "' and status = 'CANCELLED' and start_date is null and version = 4"))
        .isEqualTo(1);
  }

  @Test
  void aWithdrawalBeforeTheStartIsNoEntrantUntilTheLearnerIsSeatedAgain() {
    Trainee trainee = Trainee.at("FR-CERGY");
    sendAndAwait(
        LearnerEvents.learnerEnrolled(trainee, ENROLLED),
        // enrollment-service applied the seat late, after the learner had left: still no entrant
        IndicatorEvents.applicationEnrolled(trainee, ENROLLED.plusDays(30), WOMAN_NEET),
        IndicatorEvents.learnerWithdrew(
            trainee, ENROLLED.plusDays(20), "FAMILY", true, new Attendance(0, 0)));
    LearnerFacts learner = of(trainee);
    assertThat(learner.withdrewBeforeStart()).isTrue();
    assertThat(learner.gender()).isEqualTo("FEMALE");
    assertThat(learner.exitKind()).isNull();
    assertThat(learner.followUps()).isEmpty();

    Trainee again = new Trainee(trainee.learnerId(), UUID.randomUUID(), "FR-CERGY");
    sendAndAwait(LearnerEvents.learnerEnrolled(again, ENROLLED.plusMonths(6)));
    LearnerFacts seated = of(trainee);
    assertThat(seated.withdrewBeforeStart()).isFalse();
    assertThat(seated.cohortId()).isEqualTo(again.cohortId());
  }

  @Test
  void aTransferredLearnerCountsInTheirLatestCohortAndTheirDropoutThere() {
    Trainee sevran = Trainee.at("FR-SEVRAN");
    Trainee cergy = new Trainee(sevran.learnerId(), UUID.randomUUID(), "FR-CERGY");
    sendAndAwait(
        LearnerEvents.learnerEnrolled(sevran, ENROLLED),
        LearnerEvents.learnerTransferred(sevran, cergy, ENROLLED.plusMonths(3)),
        // the enrolment in the former cohort, arriving late, takes them back nowhere
        IndicatorEvents.applicationEnrolled(sevran, ENROLLED, WOMAN_NEET));
    LearnerFacts transferred = of(sevran);
    assertThat(transferred.transferredIn()).isTrue();
    assertThat(transferred.cohortId()).isEqualTo(cergy.cohortId());
    assertThat(transferred.siteCode()).isEqualTo("FR-CERGY");
    assertThat(transferred.gender()).isEqualTo("FEMALE");

    sendAndAwait(
        IndicatorEvents.learnerWithdrew(
            cergy, ENROLLED.plusMonths(5), "HEALTH", false, new Attendance(40, 31)));
    LearnerFacts left = of(sevran);
    assertThat(left.transferredIn()).isTrue();
    assertThat(left.exitKind()).isEqualTo(Learner.ExitKind.WITHDREW);
    assertThat(left.exitReason()).isEqualTo("HEALTH");
    assertThat(left.certificationOutcome()).isNull();
    assertThat(left.certificationBlocks()).isEmpty();
    assertThat(left.sessionDays()).isEqualTo(40);
    assertThat(left.attendedDays()).isEqualTo(31);
  }

  @Test
  void followUpsCarryTheSituationTheyRecordedAndOnlyRecordedPlacementsAreFacts() {
    Trainee trainee = FollowUpResourceTest.completed("FR-SEVRAN", null, 3, LearnerEvents.FOLLOW_UP);
    String due = FollowUpResourceTest.followUp(trainee, 3);
    LocalDate hired = LocalDate.now().minusMonths(1);
    Api.as("site-staff-fr")
        .body(
            """
            {"situation": "EMPLOYED", "startDate": "%s", "contractType": "CDI",
             "employerName": "Mairie de Sevran", "workingTime": "FULL_TIME",
             "evidenceKind": "PAYSLIP"}
            """
                .formatted(hired))
        .post("/api/v1/follow-ups/" + due + "/situation")
        .then()
        .statusCode(200);
    LearnerFacts learner = of(trainee);
    assertThat(learner.followUps()).hasSize(3);
    LearnerFacts.FollowUpFact done = learner.followUps().getFirst();
    assertThat(done.offsetMonths()).isEqualTo(3);
    assertThat(done.status()).isEqualTo(FollowUpStatus.DONE);
    assertThat(done.situation()).isEqualTo(Situation.EMPLOYED);
    assertThat(done.durableEmployment()).isTrue();
    assertThat(learner.followUps().get(1).situation()).isNull();
    assertThat(learner.placements()).hasSize(1);
    LearnerFacts.PlacementFact placement = learner.placements().getFirst();
    assertThat(placement.situation()).isEqualTo(Situation.EMPLOYED);
    assertThat(placement.startDate()).isEqualTo(hired);
    assertThat(placement.durableEmployment()).isTrue();

    // a placement still to confirm is no fact
    Trainee leaver = Trainee.at("FR-SEVRAN");
    LearnerEvents.enrolled(leaver, null, LearnerEvents.FOLLOW_UP);
    sendAndAwait(
        LearnerEvents.learnerWithdrew(
            leaver, OffsetDateTime.parse("2025-11-03T09:00:00Z"), "FOUND_JOB", false));
    assertThat(
            Announced.count(
                "select count(*) from placement where learner_id = '"
                    + leaver.learnerId()
                    + "' and status = 'TO_CONFIRM'"))
        .isEqualTo(1);
    assertThat(of(leaver).placements()).isEmpty();
  }

  @Test
  void applicationsAreCountedPerCohortAcceptedOnceWhicheverEventCameFirst() {
    Trainee trainee = Trainee.at("MA-FES");
    UUID accepted = UUID.randomUUID();
    UUID pending = UUID.randomUUID();
    OffsetDateTime at = OffsetDateTime.parse("2025-06-02T10:00:00Z");
    ProducerRecord<String, byte[]> acceptance =
        IndicatorEvents.applicationAccepted(accepted, trainee, at.plusDays(10));
    sendAndAwait(
        IndicatorEvents.cohortScheduled(trainee, START, END, List.of()),
        acceptance,
        IndicatorEvents.applicationSubmitted(accepted, trainee, at),
        acceptance,
        IndicatorEvents.applicationAccepted(accepted, trainee, at.plusDays(30)),
        IndicatorEvents.applicationSubmitted(pending, trainee, at.plusDays(1)));

    List<ApplicationFacts> applications =
        facts.applications(Set.of("MA")).stream()
            .filter(application -> application.cohortId().equals(trainee.cohortId()))
            .toList();
    assertThat(applications)
        .containsExactlyInAnyOrder(
            new ApplicationFacts(
                accepted,
                trainee.cohortId(),
                "MA",
                "MA-FES",
                "DEV-WEB",
                START,
                LocalDate.parse("2025-06-02"),
                true),
            new ApplicationFacts(
                pending,
                trainee.cohortId(),
                "MA",
                "MA-FES",
                "DEV-WEB",
                START,
                LocalDate.parse("2025-06-03"),
                false));
    assertThat(facts.applications(Set.of("FR")))
        .noneMatch(application -> application.cohortId().equals(trainee.cohortId()));
    assertThat(facts.applications(Set.of())).isEmpty();
  }
}
