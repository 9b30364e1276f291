package org.passerelle.enrollment.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.passerelle.enrollment.testing.Fixtures.APPLICATIONS;
import static org.passerelle.enrollment.testing.Fixtures.body;
import static org.passerelle.enrollment.testing.Fixtures.email;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.enrollment.testing.Fixtures;

/**
 * The applications list's sort (ADR 0040) and the filters integrators need, which narrow the
 * caller's scope and never reach beyond it.
 */
@QuarkusTest
class ApplicationListRulesTest {

  @Inject EntityManager entityManager;

  private UUID sevran;
  private UUID cergy;
  private UUID fes;
  private String family;

  @BeforeEach
  void intakes() {
    sevran = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    cergy = Fixtures.openIntake(entityManager, "FR-CERGY");
    fes = Fixtures.openIntake(entityManager, "MA-FES");
    family = "Zs" + UUID.randomUUID().toString().substring(0, 8);
  }

  private String submit(String user, UUID intake, String site, String lastName, String ref) {
    String body = body(intake, site, email()).replace("Benali", lastName);
    if (ref != null) {
      body = body.replace("{\"intakeId\"", "{\"externalRef\": \"" + ref + "\", \"intakeId\"");
    }
    return Api.as(user).body(body).post(APPLICATIONS).then().statusCode(201).extract().path("id");
  }

  private List<String> listed(String user, String query) {
    return Api.as(user)
        .get(APPLICATIONS + "?size=100&" + query)
        .then()
        .statusCode(200)
        .extract()
        .path("items.id");
  }

  private List<String> listedByClient(String client, String query) {
    return RestAssured.given()
        .header("Authorization", "Bearer " + Tokens.ofClient(client))
        .get(APPLICATIONS + "?size=100&" + query)
        .then()
        .statusCode(200)
        .extract()
        .path("items.id");
  }

  @Test
  void theListSortsByTheFieldsAskedInTheirDirections() {
    String b = submit("site-staff-fr", sevran, "FR-SEVRAN", family + "b", null);
    String a = submit("site-staff-fr", sevran, "FR-SEVRAN", family + "a", null);
    String c = submit("site-staff-fr", sevran, "FR-SEVRAN", family + "c", null);
    String q = "q=" + family + "&";
    assertThat(listed("site-staff-fr", q + "sort=lastName")).containsExactly(a, b, c);
    assertThat(listed("site-staff-fr", q + "sort=-lastName")).containsExactly(c, b, a);
    assertThat(listed("site-staff-fr", q + "sort=status,-lastName")).containsExactly(c, b, a);
    assertThat(listed("site-staff-fr", q + "sort=submittedAt")).containsExactly(b, a, c);
    // No sort is newest first, the order the list's indexes hold.
    assertThat(listed("site-staff-fr", q.substring(0, q.length() - 1))).containsExactly(c, a, b);
    assertThat(listed("site-staff-fr", q + "sort=-submittedAt")).containsExactly(c, a, b);
    // Pages of a sorted list neither skip nor repeat.
    Api.as("site-staff-fr")
        .get(APPLICATIONS + "?" + q + "sort=lastName&size=2&page=1")
        .then()
        .statusCode(200)
        .body("items.id", contains(c))
        .body("total", equalTo(3));
    // Sorting never widens the scope.
    assertThat(listed("site-staff-ma", q + "sort=lastName")).isEmpty();
  }

  @Test
  void anUnknownSortFieldIsA400ListingTheAcceptedOnes() {
    Api.as("site-staff-fr")
        .header("Accept-Language", "en")
        .get(APPLICATIONS + "?sort=lastName,-colour")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", containsString("validation-failed"))
        .body("errors.field", contains("sort"))
        .body(
            "detail",
            equalTo(
                "This list does not sort by \"-colour\". It sorts by: submittedAt, updatedAt,"
                    + " lastName, firstName, status (prefixed with - for descending order)."));
    Api.as("site-staff-fr")
        .get(APPLICATIONS + "?sort=last_name")
        .then()
        .statusCode(400)
        .body("errors.field", contains("sort"));
    Api.as("site-staff-fr")
        .get(APPLICATIONS + "?sort=lastName,lastName")
        .then()
        .statusCode(400)
        .body("errors.field", contains("sort"));
    // A misspelt parameter is refused too, naming it and what the list accepts.
    Api.as("site-staff-fr")
        .header("Accept-Language", "en")
        .get(APPLICATIONS + "?sorting=lastName&learnerID=" + UUID.randomUUID())
        .then()
        .statusCode(400)
        .body("errors.field", contains("learnerID", "sorting"))
        .body("detail", containsString("externalRef"))
        .body("detail", containsString("learnerId"))
        .body("detail", containsString("sort"));
  }

  @Test
  void integratorsFindAnApplicationByTheirReferenceOnlyInTheirScope() {
    String reference = "REF-" + family;
    String filed = submit("country-admin-fr", cergy, "FR-CERGY", family, reference);
    submit("country-admin-fr", cergy, "FR-CERGY", family, reference + "-other");
    assertThat(listed("platform-admin", "externalRef=" + reference)).containsExactly(filed);
    assertThat(listed("country-admin-fr", "externalRef=" + reference)).containsExactly(filed);
    assertThat(listedByClient("integration-fr", "externalRef=" + reference)).containsExactly(filed);
    // Another country's office, staff of another site: nothing, not even a hint.
    assertThat(listedByClient("integration-ma", "externalRef=" + reference)).isEmpty();
    assertThat(listed("country-admin-ma", "externalRef=" + reference)).isEmpty();
    assertThat(listed("site-staff-fr", "externalRef=" + reference)).isEmpty();
    assertThat(listed("platform-admin", "externalRef=REF-unknown-" + family)).isEmpty();
  }

  @Test
  void applicantAndLearnerFiltersNeverReachOutsideTheScope() {
    String moroccan = submit("site-staff-ma", fes, "MA-FES", family, null);
    String french = submit("site-staff-fr", sevran, "FR-SEVRAN", family, null);
    String applicant = applicantOf(moroccan);
    String learner = learnerOf(moroccan);
    assertThat(listed("platform-admin", "applicantId=" + applicant)).containsExactly(moroccan);
    assertThat(listed("country-admin-ma", "applicantId=" + applicant)).containsExactly(moroccan);
    assertThat(listed("site-staff-ma", "learnerId=" + learner)).containsExactly(moroccan);
    assertThat(listedByClient("integration-ma", "learnerId=" + learner)).containsExactly(moroccan);
    assertThat(listed("country-admin-fr", "applicantId=" + applicant)).isEmpty();
    assertThat(listed("site-staff-fr", "learnerId=" + learner)).isEmpty();
    assertThat(listedByClient("integration-fr", "learnerId=" + learner)).isEmpty();
    assertThat(listed("learner-fr", "learnerId=" + learner)).isEmpty();
    // Filters combine with each other and with the rest.
    assertThat(listed("platform-admin", "learnerId=" + learnerOf(french) + "&country=MA"))
        .isEmpty();
    assertThat(
            listed(
                "platform-admin",
                "learnerId=" + learnerOf(french) + "&applicantId=" + applicantOf(french)))
        .containsExactly(french);
    Api.as("platform-admin")
        .get(APPLICATIONS + "?learnerId=not-a-uuid")
        .then()
        .statusCode(400)
        .body("errors.field", contains("learnerId"));
    Api.as("platform-admin")
        .get(APPLICATIONS + "?applicantId=42")
        .then()
        .statusCode(400)
        .body("errors.field", contains("applicantId"));
  }

  private String applicantOf(String application) {
    return column("a.applicant_id", application);
  }

  private String learnerOf(String application) {
    return column("p.learner_id", application);
  }

  private String column(String column, String application) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                entityManager
                    .createNativeQuery(
                        "select "
                            + column
                            + " from application a join applicant p on p.id = a.applicant_id"
                            + " where a.id = ?1")
                    .setParameter(1, UUID.fromString(application))
                    .getSingleResult()
                    .toString());
  }
}
