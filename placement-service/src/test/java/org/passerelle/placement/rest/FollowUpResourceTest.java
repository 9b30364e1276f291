package org.passerelle.placement.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.BrokerEvents;
import org.passerelle.placement.service.FollowUpDueService;
import org.passerelle.placement.testing.Announced;
import org.passerelle.placement.testing.LearnerEvents;
import org.passerelle.placement.testing.LearnerEvents.Trainee;

/**
 * Follow-ups once due: the due and overdue lists per site, attempts until a learner is unreachable,
 * the situation recorded by staff or answered by the learner themself (a placement), and the daily
 * job announcing each due follow-up once; nothing outside the caller's scope.
 */
@QuarkusTest
public class FollowUpResourceTest {

  static final String FOLLOW_UPS = "/api/v1/follow-ups";

  @Inject FollowUpDueService dueJob;

  /** A learner of the site who completed {@code monthsAgo} months and 5 days ago, all applied. */
  public static Trainee completed(String site, String account, int monthsAgo, String... purposes) {
    Trainee trainee = Trainee.at(site);
    LearnerEvents.enrolled(trainee, account, purposes);
    ZoneId zone = ZoneId.of(site.startsWith("FR") ? "Europe/Paris" : "Africa/Casablanca");
    LocalDate exit = LocalDate.now(zone).minusMonths(monthsAgo).minusDays(5);
    BrokerEvents.send(
        LearnerEvents.learnerCompleted(trainee, exit.atTime(11, 0).atOffset(ZoneOffset.UTC)));
    int offsets = site.startsWith("FR") ? 3 : 2;
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                Announced.count(
                        "select count(*) from follow_up where learner_id = '"
                            + trainee.learnerId()
                            + "'")
                    == offsets);
    return trainee;
  }

  public static String followUp(Trainee trainee, int offset) {
    return LearnerEvents.rows(
            "select id from follow_up where learner_id = '"
                + trainee.learnerId()
                + "' and offset_months = "
                + offset)
        .getFirst();
  }

  static long events(String type, Trainee trainee, String condition) {
    return Announced.count(
        "select count(*) from outbox_event where type like '%."
            + type
            + ".v1' and data->>'learnerId' = '"
            + trainee.learnerId()
            + "' and "
            + condition);
  }

  @Test
  void staffSeeDueAndOverdueFollowUpsOfTheirSitesAndAfterTheAttemptsTheLearnerIsUnreachable() {
    Trainee trainee = completed("FR-SEVRAN", null, 3, LearnerEvents.FOLLOW_UP);
    String learner = trainee.learnerId().toString();
    Api.as("site-staff-fr")
        .queryParam("site", "FR-SEVRAN")
        .queryParam("learnerId", learner)
        .queryParam("due", "DUE")
        .get(FOLLOW_UPS)
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].offsetMonths", equalTo(3))
        .body("items[0].due", equalTo(true))
        .body("items[0].overdue", equalTo(false));
    Api.as("site-staff-fr")
        .queryParam("learnerId", learner)
        .queryParam("due", "OVERDUE")
        .get(FOLLOW_UPS)
        .then()
        .statusCode(200)
        .body("total", equalTo(0));
    Api.as("site-staff-ma")
        .queryParam("learnerId", learner)
        .get(FOLLOW_UPS)
        .then()
        .statusCode(200)
        .body("total", equalTo(0));
    String due = followUp(trainee, 3);
    String later = followUp(trainee, 6);
    Api.as("site-staff-ma").get(FOLLOW_UPS + "/" + due).then().statusCode(404);

    String attempt =
        """
        {"note": "Messagerie pleine"}
        """;
    Api.as("site-staff-fr")
        .body(attempt)
        .post(FOLLOW_UPS + "/" + later + "/attempts")
        .then()
        .statusCode(409);
    Api.as("partner-fr")
        .body(attempt)
        .post(FOLLOW_UPS + "/" + due + "/attempts")
        .then()
        .statusCode(403);
    Api.as("learner-fr")
        .body(attempt)
        .post(FOLLOW_UPS + "/" + due + "/attempts")
        .then()
        .statusCode(403);
    Api.as("site-staff-ma")
        .body(attempt)
        .post(FOLLOW_UPS + "/" + due + "/attempts")
        .then()
        .statusCode(404);
    assertThat(Announced.count("select attempts from follow_up where id = '" + due + "'")).isZero();

    for (int i = 1; i <= 2; i++) {
      Api.as("site-staff-fr")
          .body(attempt)
          .post(FOLLOW_UPS + "/" + due + "/attempts")
          .then()
          .statusCode(200)
          .body("attempts", equalTo(i))
          .body("status", equalTo("SCHEDULED"));
    }
    Api.as("site-staff-fr")
        .header("If-Match", "\"2\"")
        .body(attempt)
        .post(FOLLOW_UPS + "/" + due + "/attempts")
        .then()
        .statusCode(200)
        .body("status", equalTo("UNREACHABLE"))
        .body("notes", equalTo("Messagerie pleine\nMessagerie pleine\nMessagerie pleine"));
    Api.as("site-staff-fr")
        .body(attempt)
        .post(FOLLOW_UPS + "/" + due + "/attempts")
        .then()
        .statusCode(409);
    assertThat(
            events(
                "follow-up-recorded",
                trainee,
                "data->>'outcome' = 'UNREACHABLE' and data->>'attempts' = '3'"))
        .isEqualTo(1);
  }

  @Test
  void theLearnerAnswersTheirOwnFollowUpAndStaffRecordTheSituationOfAnother() {
    Trainee trainee = completed("FR-CERGY", "learner-fr", 13, LearnerEvents.FOLLOW_UP);
    String first = followUp(trainee, 3);
    String second = followUp(trainee, 6);
    Api.as("learner-fr")
        .get(FOLLOW_UPS)
        .then()
        .statusCode(200)
        .body("total", equalTo(3))
        .body("items.learnerId", everyItem(equalTo(trainee.learnerId().toString())))
        .body("items.notes", everyItem(org.hamcrest.Matchers.nullValue()));
    Api.as("learner-ma").get(FOLLOW_UPS + "/" + first).then().statusCode(404);
    Api.as("learner-ma")
        .body(
            """
            {"situation": "JOB_SEEKING"}
            """)
        .post(FOLLOW_UPS + "/" + first + "/situation")
        .then()
        .statusCode(404);

    Api.as("learner-fr")
        .body(
            """
            {"situation": "EMPLOYED", "startDate": "2026-09-01", "contractType": "CDD",
             "durationMonths": 12, "employerName": "Mairie de Cergy", "workingTime": "FULL_TIME",
             "matchesTraining": true, "evidenceKind": "LEARNER_STATEMENT"}
            """)
        .post(FOLLOW_UPS + "/" + first + "/situation")
        .then()
        .statusCode(200)
        .body("status", equalTo("DONE"))
        .body("answeredBy", equalTo("LEARNER"));
    assertThat(
            Announced.count(
                "select count(*) from placement p join follow_up f on f.placement_id = p.id"
                    + " where f.id = '"
                    + first
                    + "' and p.source = 'FOLLOW_UP' and p.follow_up_id = f.id"
                    + " and p.durable_employment"))
        .isEqualTo(1);
    assertThat(
            events(
                "follow-up-recorded",
                trainee,
                "data->>'outcome' = 'DONE' and data->>'answeredBy' = 'LEARNER'"
                    + " and data->>'situation' = 'EMPLOYED'"))
        .isEqualTo(1);
    assertThat(events("placement-recorded", trainee, "data->>'source' = 'FOLLOW_UP'")).isEqualTo(1);

    Api.as("site-staff-fr")
        .body(
            """
            {"situation": "JOB_SEEKING"}
            """)
        .post(FOLLOW_UPS + "/" + second + "/situation")
        .then()
        .statusCode(404);
    Api.as("country-admin-fr")
        .body(
            """
            {"situation": "JOB_SEEKING", "evidenceKind": "LEARNER_STATEMENT"}
            """)
        .post(FOLLOW_UPS + "/" + second + "/situation")
        .then()
        .statusCode(200)
        .body("answeredBy", equalTo("STAFF"));
    Api.as("learner-fr")
        .body(
            """
            {"situation": "JOB_SEEKING"}
            """)
        .post(FOLLOW_UPS + "/" + second + "/situation")
        .then()
        .statusCode(409);
    assertThat(events("placement-recorded", trainee, "true")).isEqualTo(2);
  }

  @Test
  void theDailyJobAnnouncesEachDueFollowUpOnceAndNeverOneWithoutConsent() {
    Trainee consenting = completed("MA-FES", null, 10, LearnerEvents.FOLLOW_UP);
    Trainee notConsenting = completed("MA-FES", null, 10);
    LocalDate today = LocalDate.now(ZoneId.of("Africa/Casablanca"));
    assertThat(dueJob.run("MA", today)).isPresent();
    assertThat(dueJob.run("MA", today)).isPresent();
    assertThat(events("follow-up-due", consenting, "data->>'offsetMonths' = '9'")).isEqualTo(1);
    assertThat(events("follow-up-due", consenting, "true")).isEqualTo(1);
    assertThat(events("follow-up-due", notConsenting, "true")).isZero();
    Api.as("country-admin-ma")
        .queryParam("learnerId", notConsenting.learnerId().toString())
        .queryParam("status", "NO_CONSENT")
        .get(FOLLOW_UPS)
        .then()
        .statusCode(200)
        .body("total", equalTo(2));
  }
}
