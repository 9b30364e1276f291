package org.passerelle.partnership.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.passerelle.partnership.testing.Conventions.COMMITMENTS;
import static org.passerelle.partnership.testing.Conventions.PARTNER_FR;
import static org.passerelle.partnership.testing.Conventions.assertEmitted;
import static org.passerelle.partnership.testing.Conventions.commitment;
import static org.passerelle.partnership.testing.Conventions.count;
import static org.passerelle.partnership.testing.Conventions.draft;
import static org.passerelle.partnership.testing.Conventions.sign;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.partnership.service.ConventionLifecycleService;
import org.passerelle.partnership.testing.Conventions;

/**
 * Commitments inside conventions: added by country admins, progressed by hand for the manual kinds
 * (with a note and its author), fulfilled at their target, missed after their due date, and
 * summarised per partner for the partner and staff.
 */
@QuarkusTest
class CommitmentResourceTest {

  static final LocalDate TODAY = LocalDate.now();

  @Inject ConventionLifecycleService lifecycle;

  static String progress(String amount, String note) {
    return """
        {"amount": %s, "note": "%s", "occurredOn": "%s"}
        """
        .formatted(amount, note, TODAY);
  }

  @Test
  void mentoringHoursAreRecordedByHandWithANoteUntilTheTargetIsReached() {
    Conventions.demoPartners();
    String convention =
        draft(
            "country-admin-fr",
            PARTNER_FR,
            "FR",
            "\"FR-SEVRAN\"",
            TODAY.minusDays(30),
            TODAY.plusYears(1));
    sign("country-admin-fr", convention, TODAY.minusDays(30));
    String hours =
        commitment("country-admin-fr", convention, "MENTORING_HOURS", "10", TODAY.plusMonths(6));
    String hires = commitment("country-admin-fr", convention, "HIRES", "3", TODAY.plusMonths(6));

    Api.as("site-staff-fr")
        .body(progress("4", "Ateliers CV"))
        .post(COMMITMENTS + "/" + hours + "/progress")
        .then()
        .statusCode(403);
    Api.as("partner-fr")
        .body(progress("4", "Ateliers CV"))
        .post(COMMITMENTS + "/" + hours + "/progress")
        .then()
        .statusCode(403);
    Api.as("country-admin-ma")
        .body(progress("4", "Ateliers CV"))
        .post(COMMITMENTS + "/" + hours + "/progress")
        .then()
        .statusCode(404);
    for (String bad :
        new String[] {
          progress("0", "x"),
          progress("-2", "x"),
          progress("4", ""),
          progress("1.234", "x"),
          "{}",
          "{"
        }) {
      Api.as("country-admin-fr")
          .body(bad)
          .post(COMMITMENTS + "/" + hours + "/progress")
          .then()
          .statusCode(400);
    }
    // hires are counted from placements, not typed
    Api.as("country-admin-fr")
        .body(progress("1", "Embauche"))
        .post(COMMITMENTS + "/" + hires + "/progress")
        .then()
        .statusCode(409);
    assertThat(
            count(
                "select count(*) from commitment_evidence where commitment_id in ('"
                    + hours
                    + "', '"
                    + hires
                    + "')"))
        .isZero();

    Api.as("country-admin-fr")
        .header("Idempotency-Key", "hours-" + hours)
        .body(progress("4", "Ateliers CV"))
        .post(COMMITMENTS + "/" + hours + "/progress")
        .then()
        .statusCode(200)
        .body("progress", equalTo(4.0f))
        .body("status", equalTo("OPEN"))
        .body("evidence[0].source", equalTo("MANUAL"))
        .body("evidence[0].note", equalTo("Ateliers CV"))
        .body("evidence[0].author", equalTo(Tokens.subject("country-admin-fr")));
    // replayed: nothing added
    Api.as("country-admin-fr")
        .header("Idempotency-Key", "hours-" + hours)
        .body(progress("4", "Ateliers CV"))
        .post(COMMITMENTS + "/" + hours + "/progress")
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true");
    Api.as("country-admin-fr")
        .body(progress("6.5", "Mentorat individuel"))
        .post(COMMITMENTS + "/" + hours + "/progress")
        .then()
        .statusCode(200)
        .body("progress", equalTo(10.5f))
        .body("status", equalTo("FULFILLED"));
    Api.as("country-admin-fr")
        .body(progress("1", "x"))
        .post(COMMITMENTS + "/" + hours + "/progress")
        .then()
        .statusCode(409);
    assertEmitted("commitment-progressed", hours, 2);
    assertEmitted("commitment-fulfilled", hours, 1);

    // the partner reads its own, without staff's notes; the summary lists both commitments
    Api.as("partner-fr")
        .get(COMMITMENTS + "/" + hours)
        .then()
        .statusCode(200)
        .body("evidence[0].note", nullValue())
        .body("evidence[0].author", nullValue());
    Api.as("partner-fr")
        .get(COMMITMENTS + "/summary")
        .then()
        .statusCode(200)
        .body("partnerId", equalTo(PARTNER_FR))
        .body("commitments.id", hasItem(hours))
        .body("commitments.id", hasItem(hires));
    Api.as("site-staff-fr")
        .queryParam("partnerId", PARTNER_FR)
        .get(COMMITMENTS + "/summary")
        .then()
        .statusCode(200)
        .body("commitments.id", hasItem(hires));
    Api.as("partner-ma")
        .queryParam("partnerId", PARTNER_FR)
        .get(COMMITMENTS + "/summary")
        .then()
        .statusCode(404);
    Api.as("country-admin-ma")
        .queryParam("partnerId", PARTNER_FR)
        .get(COMMITMENTS + "/summary")
        .then()
        .statusCode(404);
    Api.as("partner-ma")
        .get(COMMITMENTS)
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(hours)));
    Api.as("learner-fr").get(COMMITMENTS + "/summary").then().statusCode(403);
    given().get(COMMITMENTS + "/" + hours).then().statusCode(401);
  }

  @Test
  void commitmentsAreAddedByTheCountrysAdminsWithWellFormedTargets() {
    String partner = Conventions.partner("MA");
    String convention =
        draft("country-admin-ma", partner, "MA", "\"MA-FES\"", TODAY, TODAY.plusYears(1));
    long before = count("select count(*) from commitment");
    String good =
        """
        {"conventionId": "%s", "kind": "FUNDING", "target": 15000, "currency": "MAD", "dueOn": "%s"}
        """
            .formatted(convention, TODAY.plusMonths(3));
    Api.as("country-admin-fr").body(good).post(COMMITMENTS).then().statusCode(404);
    Api.as("site-staff-ma").body(good).post(COMMITMENTS).then().statusCode(403);
    Api.as("partner-ma").body(good).post(COMMITMENTS).then().statusCode(403);
    for (String bad :
        new String[] {
          good.replace(", \"currency\": \"MAD\"", ""),
          good.replace("FUNDING", "HIRES"),
          good.replace("FUNDING", "HIRES")
              .replace(", \"currency\": \"MAD\"", "")
              .replace("15000", "2.5"),
          good.replace("FUNDING", "BANANAS"),
          good.replace("15000", "0"),
          good.replace("15000", "1e20"),
          good.replace("\"MAD\"", "\"mad\""),
          good.replace(TODAY.plusMonths(3).toString(), TODAY.minusDays(1).toString()),
          good.replace(convention, "x"),
          "{}"
        }) {
      Api.as("country-admin-ma")
          .body(bad)
          .post(COMMITMENTS)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    Api.as("country-admin-ma")
        .body(good.replace(convention, UUID.randomUUID().toString()))
        .post(COMMITMENTS)
        .then()
        .statusCode(404);
    assertThat(count("select count(*) from commitment")).isEqualTo(before);
    String funding =
        Api.as("country-admin-ma")
            .body(good)
            .post(COMMITMENTS)
            .then()
            .statusCode(201)
            .body("status", equalTo("OPEN"))
            .body("currency", equalTo("MAD"))
            .body("progress", equalTo(0))
            .extract()
            .path("id");
    Api.as("country-admin-ma")
        .queryParam("conventionId", convention)
        .queryParam("kind", "FUNDING")
        .get(COMMITMENTS)
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].id", equalTo(funding));
  }

  @Test
  void anOpenCommitmentPastItsDueDateIsMissedByTheDailyJob() {
    String partner = Conventions.partner("FR");
    LocalDate day = LocalDate.of(2032, 6, 1);
    String convention =
        draft("country-admin-fr", partner, "FR", "\"FR-SEVRAN\"", day, day.plusYears(1));
    sign("country-admin-fr", convention, TODAY);
    String computers =
        commitment("country-admin-fr", convention, "COMPUTERS", "20", day.plusMonths(2));
    lifecycle.run("FR", day.plusMonths(2));
    Api.as("country-admin-fr")
        .get(COMMITMENTS + "/" + computers)
        .then()
        .body("status", equalTo("OPEN"));
    assertEmitted("commitment-missed", computers, 0);
    lifecycle.run("FR", day.plusMonths(2).plusDays(1));
    Api.as("country-admin-fr")
        .get(COMMITMENTS + "/" + computers)
        .then()
        .body("status", equalTo("MISSED"));
    lifecycle.run("FR", day.plusMonths(3));
    assertEmitted("commitment-missed", computers, 1);
  }
}
