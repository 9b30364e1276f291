package org.passerelle.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.passerelle.enrollment.testing.Fixtures.APPLICATIONS;
import static org.passerelle.enrollment.testing.Fixtures.body;
import static org.passerelle.enrollment.testing.Fixtures.email;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.enrollment.testing.Fixtures;

/** Submitting and reading applications with real Keycloak tokens, database and broker. */
@QuarkusTest
public class ApplicationResourceTest {

  @Inject EntityManager entityManager;

  private UUID sevran;
  private UUID cergy;
  private UUID fes;

  @BeforeEach
  void intakes() {
    sevran = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    cergy = Fixtures.openIntake(entityManager, "FR-CERGY");
    fes = Fixtures.openIntake(entityManager, "MA-FES");
  }

  static RequestSpecification as(String user) {
    return Api.as(user);
  }

  private long count(String sql) {
    return Api.count(entityManager, sql);
  }

  private long applications() {
    return count("select count(*) from application");
  }

  private String outboxData(String aggregateId) {
    return Api.text(
        entityManager,
        "select data::text from outbox_event where aggregate_id = ?1",
        UUID.fromString(aggregateId));
  }

  @Test
  void staffSubmitInTheirSiteAndTheEventCarriesCategoriesButNoPersonalData() {
    String id =
        as("site-staff-fr")
            .body(
                body(
                    sevran,
                    "FR-SEVRAN",
                    "Amina.Benali@Example.org",
                    "[\"REFUGEE\", \"NEET_UNDER_26\"]"))
            .post(APPLICATIONS)
            .then()
            .statusCode(201)
            .header("Location", containsString(APPLICATIONS + "/"))
            .header("ETag", notNullValue())
            .body("status", equalTo("SUBMITTED"))
            .body("country", equalTo("FR"))
            .body("siteCode", equalTo("FR-SEVRAN"))
            .body("intakeId", equalTo(sevran.toString()))
            .body("channel", equalTo("STAFF"))
            .body("applicant.email", equalTo("amina.benali@example.org"))
            .body("applicant.phone", equalTo("+33612345678"))
            .body("applicant.address.postalCode", equalTo("93270"))
            .body("applicant.employment.jobSeekerAgency", equalTo("FRANCE_TRAVAIL"))
            .body("applicant.learnerId", notNullValue())
            .extract()
            .path("id");

    assertThat(outboxData(id))
        .contains(
            "\"applicationId\":\"" + id + "\"",
            "\"gender\":\"FEMALE\"",
            "\"ageBand\"",
            "\"educationLevel\":\"BAC\"",
            "\"jobSeeker\":true",
            "REFUGEE",
            "NEET_UNDER_26")
        .doesNotContain(
            "Amina",
            "Benali",
            "example.org",
            "2001-04-12",
            "+336",
            "Lilas",
            "1234567A",
            "Durand",
            "développeuse",
            "Ground floor");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count(
                        "select count(*) from outbox_event where sent_at is not null and aggregate_id = '"
                            + id
                            + "'")
                    == 1);
    assertThat(
            count(
                "select count(*) from consent where applicant_id = (select applicant_id from application where id = '"
                    + id
                    + "')"))
        .isEqualTo(2);
  }

  @Test
  void locationPointsAtTheNewApplication() {
    String id = Fixtures.submit("country-admin-fr", cergy, "FR-CERGY");
    as("country-admin-fr")
        .get(APPLICATIONS + "/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id));
  }

  @Test
  void writesOutsideTheScopeAreRefusedAndChangeNothing() {
    long before = applications();
    as("site-staff-fr")
        .body(body(cergy, "FR-CERGY", email()))
        .post(APPLICATIONS)
        .then()
        .statusCode(403);
    as("country-admin-ma")
        .body(body(sevran, "FR-SEVRAN", email()))
        .post(APPLICATIONS)
        .then()
        .statusCode(403);
    given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-ma"))
        .contentType(ContentType.JSON)
        .body(body(sevran, "FR-SEVRAN", email()))
        .post(APPLICATIONS)
        .then()
        .statusCode(403);
    as("partner-fr")
        .body(body(sevran, "FR-SEVRAN", email()))
        .post(APPLICATIONS)
        .then()
        .statusCode(403);
    assertThat(applications()).isEqualTo(before);
  }

  @Test
  void readsOutsideTheScopeAnswer404() {
    String id = Fixtures.submit("site-staff-fr", sevran, "FR-SEVRAN");
    as("country-admin-fr").get(APPLICATIONS + "/" + id).then().statusCode(200);
    as("platform-admin").get(APPLICATIONS + "/" + id).then().statusCode(200);
    as("country-admin-ma").get(APPLICATIONS + "/" + id).then().statusCode(404);
    as("site-staff-ma").get(APPLICATIONS + "/" + id).then().statusCode(404);
    as("learner-fr").get(APPLICATIONS + "/" + id).then().statusCode(404);
    given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-ma"))
        .get(APPLICATIONS + "/" + id)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-fr"))
        .get(APPLICATIONS + "/" + id)
        .then()
        .statusCode(200);
    as("partner-fr").get(APPLICATIONS + "/" + id).then().statusCode(403);
    as("platform-admin").get(APPLICATIONS + "/" + UUID.randomUUID()).then().statusCode(404);
  }

  @Test
  void aLearnerApplyingToTwoIntakesIsOnePersonWithOnePseudonym() {
    UUID casablanca = Fixtures.openIntake(entityManager, "MA-CASABLANCA");
    String email = Tokens.email("learner-ma");
    String first =
        as("learner-ma")
            .body(body(fes, "MA-FES", email))
            .post(APPLICATIONS)
            .then()
            .statusCode(201)
            .body("channel", equalTo("LEARNER"))
            .extract()
            .path("id");
    String second =
        as("learner-ma")
            .body(body(casablanca, "MA-CASABLANCA", email))
            .post(APPLICATIONS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String firstLearner =
        as("learner-ma")
            .get(APPLICATIONS + "/" + first)
            .then()
            .extract()
            .path("applicant.learnerId");
    as("learner-ma")
        .get(APPLICATIONS + "/" + second)
        .then()
        .statusCode(200)
        .body("applicant.learnerId", equalTo(firstLearner));
    as("learner-ma")
        .get(APPLICATIONS)
        .then()
        .statusCode(200)
        .body("items.id", hasItem(first))
        .body("items.id", hasItem(second));
  }

  @Test
  void staffApplyingTheSamePersonTwiceFindTheSameApplicant() {
    String email = email();
    String first =
        as("site-staff-fr")
            .body(body(sevran, "FR-SEVRAN", email))
            .post(APPLICATIONS)
            .then()
            .statusCode(201)
            .extract()
            .path("applicant.id");
    String second =
        as("country-admin-fr")
            .body(body(cergy, "FR-CERGY", email.toUpperCase()))
            .post(APPLICATIONS)
            .then()
            .statusCode(201)
            .extract()
            .path("applicant.id");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void aLearnerCannotTakeAnEmailThatIsSomeoneElses() {
    String email = email();
    as("site-staff-fr")
        .body(body(sevran, "FR-SEVRAN", email))
        .post(APPLICATIONS)
        .then()
        .statusCode(201);
    long before = applications();
    long people = count("select count(*) from applicant");
    as("learner-fr")
        .body(body(cergy, "FR-CERGY", email))
        .post(APPLICATIONS)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("applicant.email"));
    assertThat(applications()).isEqualTo(before);
    assertThat(count("select count(*) from applicant")).isEqualTo(people);
    assertThat(
            count(
                "select count(*) from applicant where subject is not null and email = '"
                    + email
                    + "'"))
        .isZero();
  }

  @Test
  void aLearnerAppliesForThemselfAndOnlyTheySeeIt() {
    String id = Fixtures.submit("learner-fr", sevran, "FR-SEVRAN");
    as("learner-fr")
        .get(APPLICATIONS + "/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("screening", equalTo(null));
    as("learner-ma").get(APPLICATIONS + "/" + id).then().statusCode(404);
  }

  @Test
  void withoutATokenIs401() {
    given()
        .contentType(ContentType.JSON)
        .body(body(sevran, "FR-SEVRAN", email()))
        .post(APPLICATIONS)
        .then()
        .statusCode(401);
    given().get(APPLICATIONS + "/" + UUID.randomUUID()).then().statusCode(401);
    given().get(APPLICATIONS).then().statusCode(401);
  }

  @Test
  void anIdempotencyKeyMakesRetriesHarmless() {
    long before = applications();
    String key = "office-fr-" + UUID.randomUUID();
    String payload = body(sevran, "FR-SEVRAN", email());
    String first =
        as("site-staff-fr")
            .header("Idempotency-Key", key)
            .body(payload)
            .post(APPLICATIONS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as("site-staff-fr")
        .header("Idempotency-Key", key)
        .body(payload)
        .post(APPLICATIONS)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(first));
    assertThat(applications()).isEqualTo(before + 1);
  }

  // --- the intake's rules ---

  private void refused(String user, String body, int status, String detailPart) {
    long before = applications();
    as(user)
        .header("Accept-Language", "en")
        .body(body)
        .post(APPLICATIONS)
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("detail", containsString(detailPart));
    assertThat(applications()).isEqualTo(before);
  }

  @Test
  void applyingTwiceToTheSameIntakeIs409UntilTheFirstIsWithdrawn() {
    String email = email();
    String first =
        as("site-staff-fr")
            .body(body(sevran, "FR-SEVRAN", email))
            .post(APPLICATIONS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    refused(
        "country-admin-fr", body(sevran, "FR-SEVRAN", email), 409, "already has an application");
    as("site-staff-fr").post(APPLICATIONS + "/" + first + "/withdraw").then().statusCode(200);
    as("site-staff-fr")
        .body(body(sevran, "FR-SEVRAN", email))
        .post(APPLICATIONS)
        .then()
        .statusCode(201);
  }

  /**
   * The unique index refuses the second open application (issue 18: no count before the insert).
   * The refusal undoes everything the submission wrote, the changes to the person's record and the
   * Idempotency-Key included, and says what it said before.
   */
  @Test
  void aDuplicateLeavesNoTraceNotEvenItsIdempotencyKey() {
    String email = email();
    String first =
        as("site-staff-fr")
            .body(body(sevran, "FR-SEVRAN", email, "[\"REFUGEE\"]"))
            .post(APPLICATIONS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String applicant = "(select applicant_id from application where id = '" + first + "')";
    String key = "duplicate-" + UUID.randomUUID();
    String[] tables = {
      "select count(*) from consent where applicant_id = " + applicant,
      "select count(*) from sensitive_data_access where applicant_id = " + applicant,
      "select count(*) from outbox_event where aggregate_id in (select learner_id from applicant"
          + " where id = "
          + applicant
          + ") or aggregate_id in (select id from application where applicant_id = "
          + applicant
          + ")",
      "select count(*) from idempotency_key where idem_key = '" + key + "'",
      "select count(*) from application where applicant_id = " + applicant
    };
    long[] before = new long[tables.length];
    for (int i = 0; i < tables.length; i++) {
      before[i] = count(tables[i]);
    }
    long unchanged =
        count(
            "select count(*) from applicant where id = "
                + applicant
                + " and first_name = 'Amina' and accommodation_needs = 'Ground floor'");
    assertThat(unchanged).isEqualTo(1);
    String again =
        body(sevran, "FR-SEVRAN", email, "[\"DISABILITY\"]")
            .replace("Amina", "Aminata")
            .replace("Ground floor", "Lift");
    as("country-admin-fr")
        .header("Accept-Language", "en")
        .header("Idempotency-Key", key)
        .body(again)
        .post(APPLICATIONS)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("status", equalTo(409))
        .body("detail", containsString("already has an application"));
    for (int i = 0; i < tables.length; i++) {
      assertThat(count(tables[i])).as(tables[i]).isEqualTo(before[i]);
    }
    assertThat(
            count(
                "select count(*) from applicant where id = "
                    + applicant
                    + " and first_name = 'Amina' and accommodation_needs = 'Ground floor'"
                    + " and not disability"))
        .isEqualTo(1);
    // The key was not kept with the refusal: once the first is withdrawn, it submits anew.
    as("site-staff-fr").post(APPLICATIONS + "/" + first + "/withdraw").then().statusCode(200);
    as("country-admin-fr")
        .header("Idempotency-Key", key)
        .body(again)
        .post(APPLICATIONS)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void outsideTheRecruitmentWindowIsRefused() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    UUID notYet =
        Fixtures.intake(
            entityManager,
            "FR-SEVRAN",
            today.plusDays(1),
            today.plusDays(20),
            today.plusMonths(2),
            18,
            "RECRUITING");
    UUID closed =
        Fixtures.intake(
            entityManager,
            "FR-SEVRAN",
            today.minusDays(30),
            today.minusDays(1),
            today.plusMonths(2),
            18,
            "RECRUITING");
    UUID cancelled =
        Fixtures.intake(
            entityManager,
            "FR-SEVRAN",
            today.minusDays(30),
            today.plusDays(20),
            today.plusMonths(2),
            18,
            "CANCELLED");
    UUID running =
        Fixtures.intake(
            entityManager, "FR-SEVRAN", null, null, today.minusDays(3), null, "RUNNING");
    for (UUID intake : new UUID[] {notYet, closed, cancelled, running}) {
      refused("site-staff-fr", body(intake, "FR-SEVRAN", email()), 422, "not taking applications");
    }
    UUID lastDay =
        Fixtures.intake(entityManager, "FR-SEVRAN", today, today, today.plusDays(1), 18, "PLANNED");
    as("site-staff-fr")
        .body(body(lastDay, "FR-SEVRAN", email()))
        .post(APPLICATIONS)
        .then()
        .statusCode(201);
  }

  @Test
  void underTheMinimumAgeOnTheStartDateIsRefused() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate start = today.plusMonths(2);
    UUID intake =
        Fixtures.intake(
            entityManager, "FR-SEVRAN", today, today.plusDays(20), start, 18, "RECRUITING");
    String eighteenTheDayAfter = start.minusYears(18).plusDays(1).toString();
    String eighteenOnTheDay = start.minusYears(18).toString();
    refused(
        "site-staff-fr",
        body(intake, "FR-SEVRAN", email()).replace("2001-04-12", eighteenTheDayAfter),
        422,
        "at least 18");
    as("site-staff-fr")
        .body(body(intake, "FR-SEVRAN", email()).replace("2001-04-12", eighteenOnTheDay))
        .post(APPLICATIONS)
        .then()
        .statusCode(201);
    // Without a minimum from the cohort, the country's default (18) applies.
    UUID noMinimum = Fixtures.intake(entityManager, "MA-FES", null, null, start, null, "PLANNED");
    refused(
        "site-staff-ma",
        body(noMinimum, "MA-FES", email()).replace("2001-04-12", eighteenTheDayAfter),
        422,
        "at least 18");
  }

  @Test
  void theIntakeMustExistAndMatchTheSiteSent() {
    refused("platform-admin", body(UUID.randomUUID(), "FR-SEVRAN", email()), 422, "is unknown");
    refused(
        "platform-admin",
        body(sevran, "FR-SEVRAN", email())
            .replace("\"intakeId\"", "\"siteCode\": \"FR-CERGY\", \"intakeId\""),
        422,
        "FR-SEVRAN");
    as("platform-admin")
        .body(
            body(sevran, "FR-SEVRAN", email())
                .replace("\"intakeId\"", "\"siteCode\": \"FR-SEVRAN\", \"intakeId\""))
        .post(APPLICATIONS)
        .then()
        .statusCode(201);
  }

  @Test
  void noApplicationWithoutConsentToProcessIt() {
    String withoutConsent =
        body(sevran, "FR-SEVRAN", email())
            .replace(
                "{\"purpose\": \"APPLICATION_PROCESSING\", \"granted\": true}",
                "{\"purpose\": \"APPLICATION_PROCESSING\", \"granted\": false}");
    refused("site-staff-fr", withoutConsent, 422, "APPLICATION_PROCESSING");
    String onlyFollowUp =
        body(sevran, "FR-SEVRAN", email())
            .replace("{\"purpose\": \"APPLICATION_PROCESSING\", \"granted\": true},", "");
    refused("site-staff-fr", onlyFollowUp, 422, "APPLICATION_PROCESSING");
  }

  @Test
  void countryRuleErrorsNameTheFieldInTheCallersLanguage() {
    String badPhone = body(sevran, "FR-SEVRAN", email()).replace("+33612345678", "+3361234");
    as("site-staff-fr")
        .header("Accept-Language", "en")
        .body(badPhone)
        .post(APPLICATIONS)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("applicant.phone"))
        .body("errors[0].message", containsString("Not a valid phone number"));
    as("site-staff-fr")
        .header("Accept-Language", "ar")
        .body(badPhone)
        .post(APPLICATIONS)
        .then()
        .statusCode(400)
        .body("errors[0].message", containsString("رقم هاتف غير صالح"));
  }

  @Test
  void badInputIs4xxProblemAndChangesNothing() {
    long before = applications();
    String good = body(sevran, "FR-SEVRAN", email());
    String[] bodies = {
      "{not json",
      "[]",
      "{\"intakeId\": 42}",
      "{}",
      good.replace("\"FEMALE\"", "\"ROBOT\""),
      good.replace("\"BAC\"", "\"PHD\""),
      good.replace("\"MISSION_LOCALE\"", "\"FRIEND\""),
      good.replace("\"FOLLOW_UP_CONTACT\"", "\"MARKETING\""),
      good.replace("\"priorityPublics\": []", "\"priorityPublics\": [\"VIP\"]"),
      good.replace("\"Amina\"", "\"" + "x".repeat(101) + "\""),
      good.replace("\"Amina\"", "\"\""),
      good.replace("\"Amina\"", "\"A\\u0000B\""),
      good.replace("\"Amina\"", "42"),
      good.replace("\"granted\": true", "\"granted\": \"yes\""),
      good.replace("Je veux", "x".repeat(4001)),
      good.replace("2001-04-12", "2001-13-45"),
      good.replace("\"2001-04-12\"", "11424"),
      good.replace("2001-04-12", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString()),
      good.replace("applicant-", "not an email "),
      good.replace("\"nationality\": \"FR\"", "\"nationality\": \"France\""),
      good.replace("\"nationality\": \"FR\",", ""),
      good.replace("+33612345678", "06 12 34 56 78"),
      good.replace("+33612345678", "+3361234"),
      good.replace("93270", "9327"),
      good.replace("\"FRANCE_TRAVAIL\"", "\"ANAPEC\""),
      good.replace("1234567A", "12-34"),
      good.replace("\"jobSeekerAgency\": \"FRANCE_TRAVAIL\"", "\"jobSeekerAgency\": null"),
      good.replace(
          "\"consents\": [",
          "\"consents\": [{\"purpose\": \"CV_SHARING\", \"granted\": true}, {\"purpose\": \"CV_SHARING\", \"granted\": false},"),
      good.replace("\"consents\": [", "\"unknown\": 1, \"consents\": ["),
      good.replace("\"intakeId\"", "\"externalRef\": \"has space\", \"intakeId\""),
    };
    for (String bad : bodies) {
      as("platform-admin")
          .body(bad)
          .post(APPLICATIONS)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("status", equalTo(400));
    }
    as("platform-admin")
        .contentType("application/xml")
        .body("<application/>")
        .post(APPLICATIONS)
        .then()
        .statusCode(415);
    as("platform-admin").get(APPLICATIONS + "/not-a-uuid").then().statusCode(404);
    for (String query :
        new String[] {
          "status=LOST",
          "intakeId=nope",
          "size=1000",
          "page=-1",
          "q=a",
          "country=DE",
          "submittedFrom=yesterday",
          "priorityPublic=VIP"
        }) {
      as("platform-admin")
          .get(APPLICATIONS + "?" + query)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    assertThat(applications()).isEqualTo(before);
  }
}
