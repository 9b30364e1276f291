package org.passerelle.placement.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.passerelle.placement.rest.PlacementResourceTest.PLACEMENTS;
import static org.passerelle.placement.rest.PlacementResourceTest.placements;
import static org.passerelle.placement.rest.PlacementResourceTest.recordedEvents;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.BrokerEvents;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.placement.testing.LearnerEvents;
import org.passerelle.placement.testing.LearnerEvents.Trainee;

/**
 * Staff dismiss the placement to confirm of a learner whose job fell through: with a coded reason,
 * within their scope, once, announcing nothing; refused callers and bad input change nothing.
 */
@QuarkusTest
public class PlacementDismissalTest {

  /** A learner of the site who left for a job; returns their placement to confirm's id. */
  static String toConfirm(Trainee trainee) {
    LearnerEvents.enrolled(trainee, null, LearnerEvents.FOLLOW_UP);
    BrokerEvents.send(
        LearnerEvents.learnerWithdrew(
            trainee, OffsetDateTime.parse("2026-10-01T09:00:00Z"), "FOUND_JOB", false));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> placements(trainee.learnerId(), "status = 'TO_CONFIRM'") == 1);
    return Api.as("site-staff-fr")
        .queryParam("learnerId", trainee.learnerId().toString())
        .queryParam("status", "TO_CONFIRM")
        .get(PLACEMENTS)
        .then()
        .statusCode(200)
        .extract()
        .path("items[0].id");
  }

  static String dismissal(String reason, String note) {
    return """
        {"reason": %s, "note": %s}
        """
        .formatted(
            reason == null ? "null" : "\"" + reason + "\"",
            note == null ? "null" : "\"" + note + "\"");
  }

  @Test
  void staffDismissAPlacementToConfirmOnceAndNothingIsAnnounced() {
    Trainee trainee = Trainee.at("FR-SEVRAN");
    String id = toConfirm(trainee);
    String dismiss = PLACEMENTS + "/" + id + "/dismiss";

    Api.as("site-staff-fr")
        .header("If-Match", "\"7\"")
        .body(dismissal("JOB_FELL_THROUGH", null))
        .post(dismiss)
        .then()
        .statusCode(412);
    Api.as("site-staff-fr")
        .header("If-Match", "\"0\"")
        .body(dismissal("JOB_FELL_THROUGH", "Le poste a été supprimé avant le premier jour"))
        .post(dismiss)
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"1\""))
        .body("status", equalTo("DISMISSED"))
        .body("dismissalReason", equalTo("JOB_FELL_THROUGH"))
        .body("dismissalNote", equalTo("Le poste a été supprimé avant le premier jour"))
        .body("version", equalTo(1));
    Api.as("site-staff-fr")
        .queryParam("learnerId", trainee.learnerId().toString())
        .queryParam("status", "DISMISSED")
        .get(PLACEMENTS)
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].id", equalTo(id))
        .body("items[0].dismissalReason", equalTo("JOB_FELL_THROUGH"));
    // integrations read the reason's code, not the staff's note
    RestAssured.given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-fr"))
        .queryParam("learnerId", trainee.learnerId().toString())
        .get(PLACEMENTS)
        .then()
        .statusCode(200)
        .body("items[0].dismissalReason", equalTo("JOB_FELL_THROUGH"))
        .body("items[0].dismissalNote", equalTo(null));

    // dismissed is final: neither a second dismissal nor a confirmation
    Api.as("site-staff-fr")
        .body(dismissal("NOT_A_JOB", null))
        .post(dismiss)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    Api.as("country-admin-fr")
        .body(
            """
            {"situation": "EMPLOYED", "contractType": "CDI", "evidenceKind": "EMPLOYER_STATEMENT"}
            """)
        .post(PLACEMENTS + "/" + id + "/confirm")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    assertThat(placements(trainee.learnerId(), "status = 'DISMISSED' and version = 1"))
        .isEqualTo(1);
    assertThat(recordedEvents(trainee.learnerId(), "true")).isZero();

    // the withdrawal sent again does not bring a placement to confirm back
    var again =
        LearnerEvents.learnerWithdrew(
            trainee, OffsetDateTime.parse("2026-10-01T09:00:00Z"), "FOUND_JOB", false);
    BrokerEvents.send(again);
    LearnerEvents.applied(again);
    assertThat(placements(trainee.learnerId(), "status = 'TO_CONFIRM'")).isZero();

    // erasure blanks the note and keeps the reason
    var erased = LearnerEvents.applicantErased(trainee);
    BrokerEvents.send(erased);
    LearnerEvents.applied(erased);
    assertThat(
            placements(
                trainee.learnerId(),
                "dismissal_note is null and dismissal_reason = 'JOB_FELL_THROUGH'"))
        .isEqualTo(1);
  }

  @Test
  void aRecordedPlacementIsNotDismissed() {
    Trainee trainee = Trainee.at("FR-SEVRAN");
    LearnerEvents.enrolled(trainee, null);
    String id = PlacementResourceTest.recorded("site-staff-fr", trainee);
    Api.as("platform-admin")
        .body(dismissal("DUPLICATE", null))
        .post(PLACEMENTS + "/" + id + "/dismiss")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    assertThat(placements(trainee.learnerId(), "status = 'RECORDED' and version = 0")).isEqualTo(1);
  }

  @Test
  void outOfScopeWrongRoleAndBadInputChangeNothing() {
    Trainee trainee = Trainee.at("FR-SEVRAN");
    String id = toConfirm(trainee);
    String dismiss = PLACEMENTS + "/" + id + "/dismiss";
    String valid = dismissal("NOT_A_JOB", null);

    Api.as("site-staff-ma").body(valid).post(dismiss).then().statusCode(404);
    Api.as("country-admin-ma").body(valid).post(dismiss).then().statusCode(404);
    Api.as("site-staff-fr")
        .body(valid)
        .post(PLACEMENTS + "/" + UUID.randomUUID() + "/dismiss")
        .then()
        .statusCode(404);
    Api.as("partner-fr").body(valid).post(dismiss).then().statusCode(403);
    Api.as("learner-fr").body(valid).post(dismiss).then().statusCode(403);
    RestAssured.given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-fr"))
        .contentType("application/json")
        .body(valid)
        .post(dismiss)
        .then()
        .statusCode(403);

    Api.as("site-staff-fr")
        .body(dismissal("CHANGED_MIND", null))
        .post(dismiss)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    Api.as("site-staff-fr")
        .body(dismissal(null, "Sans raison"))
        .post(dismiss)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    Api.as("site-staff-fr")
        .body(dismissal("OTHER", "  "))
        .post(dismiss)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("note"));
    Api.as("site-staff-fr")
        .body(dismissal("OTHER", "x".repeat(501)))
        .post(dismiss)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    Api.as("site-staff-fr")
        .body("{")
        .post(dismiss)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    Api.as("site-staff-fr")
        .header("If-Match", "\"" + "9".repeat(120) + "\"")
        .body(valid)
        .post(dismiss)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");

    assertThat(
            placements(
                trainee.learnerId(),
                "status = 'TO_CONFIRM' and version = 0 and dismissal_reason is null"))
        .isEqualTo(1);
  }
}
