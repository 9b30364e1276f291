package org.passerelle.placement.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.BrokerEvents;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.placement.testing.Announced;
import org.passerelle.placement.testing.LearnerEvents;
import org.passerelle.placement.testing.LearnerEvents.Trainee;

/**
 * The learner projection and what follows from an exit, from enrollment's and cohort's events
 * through the real broker: follow-ups at each country's offsets from the exit day in the site's
 * calendar, counted as NO_CONSENT without the learner's consent, and a placement to confirm for a
 * learner who left for a job; each once, whatever the replays.
 */
@QuarkusTest
class LearnerOutcomesEventsTest {

  /** The trainee's follow-ups as "offset:due day", when all have this status. */
  static List<String> dueDates(Trainee trainee, String status) {
    assertThat(followUps(trainee, "status <> '" + status + "'")).isZero();
    return LearnerEvents.rows(
        "select offset_months || ':' || due_on from follow_up where learner_id = '"
            + trainee.learnerId()
            + "' order by offset_months");
  }

  private static long followUps(Trainee trainee, String condition) {
    return Announced.count(
        "select count(*) from follow_up where learner_id = '"
            + trainee.learnerId()
            + "' and "
            + condition);
  }

  private static void awaitFollowUps(Trainee trainee, int count) {
    await().atMost(Duration.ofSeconds(60)).until(() -> followUps(trainee, "true") == count);
  }

  @Test
  void aCompletedLearnerIsFollowedUpAtTheCountrysOffsetsFromTheExitDayInTheSitesCalendar() {
    Trainee paris = Trainee.at("FR-SEVRAN");
    Trainee fes = Trainee.at("MA-FES");
    LearnerEvents.enrolled(paris, null, LearnerEvents.FOLLOW_UP);
    LearnerEvents.enrolled(fes, null, LearnerEvents.FOLLOW_UP, LearnerEvents.CV_SHARING);

    ProducerRecord<String, byte[]> completed =
        LearnerEvents.learnerCompleted(paris, OffsetDateTime.parse("2025-06-30T15:00:00Z"));
    // 23:30 UTC is already the next day in Casablanca (UTC+1)
    BrokerEvents.send(
        completed,
        LearnerEvents.learnerCompleted(fes, OffsetDateTime.parse("2025-07-15T23:30:00Z")));
    awaitFollowUps(paris, 3);
    awaitFollowUps(fes, 2);

    assertThat(dueDates(paris, "SCHEDULED"))
        .containsExactly("3:2025-09-30", "6:2025-12-30", "12:2026-06-30");
    assertThat(dueDates(fes, "SCHEDULED")).containsExactly("9:2026-04-16", "12:2026-07-16");
    assertThat(
            followUps(
                paris,
                "exit_kind = 'COMPLETED' and exit_date = '2025-06-30' and site_code = 'FR-SEVRAN'"))
        .isEqualTo(3);
    assertThat(
            Announced.count(
                "select count(*) from learner where learner_id = '"
                    + fes.learnerId()
                    + "' and exit_kind = 'COMPLETED' and exit_date = '2025-07-16'"
                    + " and certification = 'CERTIFIED' and cv_sharing_consent"))
        .isEqualTo(1);

    // the same completion replayed under another id schedules nothing more
    ProducerRecord<String, byte[]> replayed =
        LearnerEvents.learnerCompleted(paris, OffsetDateTime.parse("2025-06-30T15:00:00Z"));
    BrokerEvents.send(completed, replayed);
    LearnerEvents.applied(replayed);
    assertThat(followUps(paris, "true")).isEqualTo(3);
  }

  @Test
  void withoutConsentTheFollowUpsAreCountedAsNoConsentAndAConsentGivenLaterSchedulesThem() {
    Trainee trainee = Trainee.at("FR-CERGY");
    LearnerEvents.enrolled(trainee, null);
    BrokerEvents.send(
        LearnerEvents.learnerCompleted(trainee, OffsetDateTime.parse("2025-07-01T10:00:00Z")));
    awaitFollowUps(trainee, 3);
    assertThat(followUps(trainee, "status = 'NO_CONSENT'")).isEqualTo(3);

    ProducerRecord<String, byte[]> given =
        LearnerEvents.consentChanged(
            trainee, OffsetDateTime.parse("2026-02-01T10:00:00Z"), LearnerEvents.FOLLOW_UP);
    // an older change arriving late takes nothing back
    ProducerRecord<String, byte[]> older =
        LearnerEvents.consentChanged(trainee, OffsetDateTime.parse("2026-01-10T10:00:00Z"));
    BrokerEvents.send(given, older);
    LearnerEvents.applied(older);
    assertThat(followUps(trainee, "status = 'SCHEDULED'")).isEqualTo(3);

    ProducerRecord<String, byte[]> withdrawn =
        LearnerEvents.consentChanged(trainee, OffsetDateTime.parse("2026-03-01T10:00:00Z"));
    BrokerEvents.send(withdrawn);
    LearnerEvents.applied(withdrawn);
    assertThat(followUps(trainee, "status = 'NO_CONSENT'")).isEqualTo(3);
    assertThat(
            Announced.count(
                "select count(*) from learner where learner_id = '"
                    + trainee.learnerId()
                    + "' and not follow_up_consent and consents_as_of = '2026-03-01T10:00:00Z'"))
        .isEqualTo(1);
  }

  @Test
  void aLearnerWhoLeftForAJobGetsOnePlacementToConfirmAndTheirFollowUps() {
    Trainee trainee = Trainee.at("MA-FES");
    LearnerEvents.enrolled(trainee, null, LearnerEvents.FOLLOW_UP);
    ProducerRecord<String, byte[]> withdrew =
        LearnerEvents.learnerWithdrew(
            trainee, OffsetDateTime.parse("2025-11-03T09:00:00Z"), "FOUND_JOB", false);
    ProducerRecord<String, byte[]> replayed =
        LearnerEvents.learnerWithdrew(
            trainee, OffsetDateTime.parse("2025-11-03T09:00:00Z"), "FOUND_JOB", false);
    BrokerEvents.send(withdrew, withdrew, replayed);
    LearnerEvents.applied(replayed);

    assertThat(followUps(trainee, "exit_kind = 'WITHDREW' and status = 'SCHEDULED'")).isEqualTo(2);
    assertThat(
            Announced.count(
                "select count(*) from placement where learner_id = '"
                    + trainee.learnerId()
                    + "' and status = 'TO_CONFIRM' and situation = 'EMPLOYED'"
                    + " and situation_on = '2025-11-03' and site_code = 'MA-FES'"))
        .isEqualTo(1);
    // a placement to confirm is announced only once confirmed
    assertThat(
            Announced.count(
                "select count(*) from outbox_event where data::text like '%"
                    + trainee.learnerId()
                    + "%'"))
        .isZero();
  }

  @Test
  void aWithdrawalBeforeTheCohortStartedIsNoExitFromATraining() {
    Trainee trainee = Trainee.at("FR-SEVRAN");
    LearnerEvents.enrolled(trainee, null, LearnerEvents.FOLLOW_UP);
    ProducerRecord<String, byte[]> withdrew =
        LearnerEvents.learnerWithdrew(
            trainee, OffsetDateTime.parse("2025-11-03T09:00:00Z"), "FOUND_JOB", true);
    BrokerEvents.send(withdrew);
    LearnerEvents.applied(withdrew);
    assertThat(followUps(trainee, "true")).isZero();
    assertThat(
            Announced.count(
                "select count(*) from placement where learner_id = '" + trainee.learnerId() + "'"))
        .isZero();
  }

  @Test
  void aTransferMovesTheLearnerToTheNewSiteAndAnOlderSeatArrivingLateDoesNotTakeThemBack() {
    Trainee sevran = Trainee.at("FR-SEVRAN");
    LearnerEvents.enrolled(sevran, null, LearnerEvents.FOLLOW_UP);
    Trainee cergy = new Trainee(sevran.learnerId(), java.util.UUID.randomUUID(), "FR-CERGY");
    ProducerRecord<String, byte[]> transferred =
        LearnerEvents.learnerTransferred(
            sevran, cergy, OffsetDateTime.parse("2026-02-01T09:00:00Z"));
    ProducerRecord<String, byte[]> lateSeat =
        LearnerEvents.learnerEnrolled(sevran, OffsetDateTime.parse("2026-01-05T09:00:00Z"));
    BrokerEvents.send(transferred, lateSeat);
    LearnerEvents.applied(transferred);
    LearnerEvents.applied(lateSeat);
    assertThat(
            Announced.count(
                "select count(*) from learner where learner_id = '"
                    + sevran.learnerId()
                    + "' and site_code = 'FR-CERGY' and cohort_id = '"
                    + cergy.cohortId()
                    + "'"))
        .isEqualTo(1);
  }

  @Test
  void anAccountSpeaksForOneLearnerAndErasureDropsTheLink() {
    Trainee first = Trainee.at("MA-FES");
    Trainee second = Trainee.at("MA-FES");
    LearnerEvents.enrolled(first, "learner-ma");
    LearnerEvents.enrolled(second, "learner-ma");
    String subject = Tokens.subject("learner-ma");
    assertThat(
            Announced.count(
                "select count(*) from learner where account_subject = '" + subject + "'"))
        .isEqualTo(1);

    ProducerRecord<String, byte[]> erased = LearnerEvents.applicantErased(second);
    ProducerRecord<String, byte[]> relinked = LearnerEvents.accountLinked(second, subject);
    BrokerEvents.send(erased, relinked);
    LearnerEvents.applied(relinked);
    assertThat(
            Announced.count(
                "select count(*) from learner where learner_id = '"
                    + second.learnerId()
                    + "' and account_subject is null and erased_at is not null"))
        .isEqualTo(1);
    assertThat(
            Announced.count(
                "select count(*) from learner where account_subject = '" + subject + "'"))
        .isZero();
  }

  @Test
  void aLinkOlderThanTheOneInForceMovesNothing() {
    Trainee newer = Trainee.at("FR-SEVRAN");
    Trainee older = Trainee.at("FR-SEVRAN");
    String subject = UUID.randomUUID().toString();
    ProducerRecord<String, byte[]> current =
        LearnerEvents.accountLinked(newer, subject, "2026-12-03T09:00:00Z");
    BrokerEvents.send(current);
    LearnerEvents.applied(current);
    ProducerRecord<String, byte[]> late =
        LearnerEvents.accountLinked(older, subject, "2026-12-02T09:00:00Z");
    BrokerEvents.send(late);
    LearnerEvents.applied(late);
    assertThat(
            Announced.count(
                "select count(*) from learner where account_subject = '"
                    + subject
                    + "' and learner_id = '"
                    + newer.learnerId()
                    + "'"))
        .isEqualTo(1);
    assertThat(
            Announced.count(
                "select count(*) from learner where learner_id = '"
                    + older.learnerId()
                    + "' and account_subject is not null"))
        .isZero();

    ProducerRecord<String, byte[]> relinked =
        LearnerEvents.accountLinked(older, subject, "2026-12-04T09:00:00Z");
    BrokerEvents.send(relinked);
    LearnerEvents.applied(relinked);
    assertThat(
            Announced.count(
                "select count(*) from learner where account_subject = '"
                    + subject
                    + "' and learner_id = '"
                    + older.learnerId()
                    + "'"))
        .isEqualTo(1);
  }
}
