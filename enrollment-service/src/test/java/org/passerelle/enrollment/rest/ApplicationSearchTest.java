package org.passerelle.enrollment.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.passerelle.enrollment.testing.Fixtures.APPLICATIONS;
import static org.passerelle.enrollment.testing.Fixtures.body;
import static org.passerelle.enrollment.testing.Fixtures.email;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.enrollment.testing.Fixtures;

/**
 * Staff search within their scope, a learner lists their own; sensitive fields only for the roles
 * that read them, every such read audited.
 */
@QuarkusTest
class ApplicationSearchTest {

  @Inject EntityManager entityManager;

  private UUID sevran;
  private UUID cergy;
  private UUID fes;
  private String family;
  private String sevranRefugee;
  private String cergyNeighbourhood;
  private String fesPlain;

  private String submit(String user, UUID intake, String site, String lastName, String publics) {
    return Api.as(user)
        .body(body(intake, site, email(), publics).replace("Benali", lastName))
        .post(APPLICATIONS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @BeforeEach
  void applications() {
    sevran = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    cergy = Fixtures.openIntake(entityManager, "FR-CERGY");
    fes = Fixtures.openIntake(entityManager, "MA-FES");
    // A family name no other test uses, so that q finds exactly these.
    family = "Zq" + UUID.randomUUID().toString().substring(0, 8);
    sevranRefugee =
        submit("site-staff-fr", sevran, "FR-SEVRAN", family, "[\"REFUGEE\", \"NEET_UNDER_26\"]");
    cergyNeighbourhood =
        submit("country-admin-fr", cergy, "FR-CERGY", family, "[\"PRIORITY_NEIGHBOURHOOD\"]");
    fesPlain = submit("site-staff-ma", fes, "MA-FES", family, "[]");
  }

  private List<String> found(String user, String query) {
    return Api.as(user)
        .get(APPLICATIONS + "?size=100&q=" + family + (query.isEmpty() ? "" : "&" + query))
        .then()
        .statusCode(200)
        .extract()
        .path("items.id");
  }

  @Test
  void eachRoleFindsOnlyWhatIsInItsScope() {
    assertThat(found("platform-admin", ""))
        .containsExactlyInAnyOrder(sevranRefugee, cergyNeighbourhood, fesPlain);
    assertThat(found("country-admin-fr", ""))
        .containsExactlyInAnyOrder(sevranRefugee, cergyNeighbourhood);
    assertThat(found("site-staff-fr", "")).containsExactly(sevranRefugee);
    assertThat(found("country-admin-ma", "")).containsExactly(fesPlain);
    assertThat(found("site-staff-ma", "")).containsExactly(fesPlain);
    assertThat(found("learner-fr", "")).isEmpty();
    RestAssured.given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-ma"))
        .get(APPLICATIONS + "?q=" + family)
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(fesPlain)));
    Api.as("partner-fr").get(APPLICATIONS).then().statusCode(403);
  }

  @Test
  void filtersNarrowTheSearch() {
    assertThat(found("platform-admin", "status=SUBMITTED")).hasSize(3);
    assertThat(found("platform-admin", "status=SCREENING")).isEmpty();
    assertThat(found("platform-admin", "intakeId=" + cergy)).containsExactly(cergyNeighbourhood);
    assertThat(found("platform-admin", "site=FR-SEVRAN")).containsExactly(sevranRefugee);
    assertThat(found("platform-admin", "country=MA")).containsExactly(fesPlain);
    assertThat(found("platform-admin", "priorityPublic=PRIORITY_NEIGHBOURHOOD"))
        .containsExactly(cergyNeighbourhood);
    assertThat(found("platform-admin", "priorityPublic=NEET_UNDER_26&priorityPublic=REFUGEE"))
        .containsExactly(sevranRefugee);
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    assertThat(found("platform-admin", "submittedFrom=" + today + "&submittedTo=" + today))
        .hasSize(3);
    assertThat(found("platform-admin", "submittedFrom=" + tomorrow)).isEmpty();
    // q matches first names, family names in either order, and emails, ignoring case.
    Api.as("platform-admin")
        .get(APPLICATIONS + "?q=amina " + family.toLowerCase())
        .then()
        .statusCode(200)
        .body("total", equalTo(3));
    Api.as("platform-admin")
        .get(APPLICATIONS + "?q=" + family.toUpperCase() + " AMINA")
        .then()
        .body("total", equalTo(3));
    Api.as("platform-admin")
        .get(APPLICATIONS + "?q=%25&size=1")
        .then()
        .statusCode(200)
        .body("total", equalTo(0));
  }

  @Test
  void underscoresAndPercentSignsAreSearchedForAsThemselves() {
    // Issue 18: q's "_" was escaped for a LIKE that took no escape character: it never matched.
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String underscore = submitWithEmail("under_score." + tag + "@example.org", "Under_Score" + tag);
    submitWithEmail("underxscore." + tag + "@example.org", "Underxscore" + tag);
    assertThat(searched("under_score." + tag)).containsExactly(underscore);
    assertThat(searched("under_score" + tag)).containsExactly(underscore);
    assertThat(searched("under%score." + tag)).isEmpty();
  }

  private String submitWithEmail(String email, String lastName) {
    return Api.as("site-staff-fr")
        .body(body(sevran, "FR-SEVRAN", email, "[]").replace("Benali", lastName))
        .post(APPLICATIONS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private List<String> searched(String q) {
    return Api.as("platform-admin")
        .queryParam("q", q)
        .queryParam("size", 100)
        .get(APPLICATIONS)
        .then()
        .statusCode(200)
        .extract()
        .path("items.id");
  }

  @Test
  void listsNeverShowSensitiveFieldsAndSearchingByThemIsForTheirReadersAndAudited() {
    Api.as("platform-admin")
        .get(APPLICATIONS + "?q=" + family)
        .then()
        .body("items.priorityPublics.flatten()", not(hasItem("REFUGEE")))
        .body("items.priorityPublics.flatten()", hasItem("NEET_UNDER_26"));
    Api.as("site-staff-fr").get(APPLICATIONS + "?priorityPublic=REFUGEE").then().statusCode(403);
    long before = audits("SEARCH", Tokens.subject("country-admin-fr"));
    assertThat(found("country-admin-fr", "priorityPublic=REFUGEE")).containsExactly(sevranRefugee);
    assertThat(audits("SEARCH", Tokens.subject("country-admin-fr"))).isEqualTo(before + 1);
  }

  private long audits(String action, String actor) {
    return Api.count(
        entityManager,
        "select count(*) from sensitive_data_access where action = '"
            + action
            + "' and actor = '"
            + actor
            + "'");
  }

  @Test
  void sensitiveFieldsAreShownOnlyToTheRolesThatNeedThemAndEveryReadIsAudited() {
    String url = APPLICATIONS + "/" + sevranRefugee;
    Api.as("site-staff-fr")
        .get(url)
        .then()
        .statusCode(200)
        .body("applicant.sensitiveFieldsHidden", equalTo(true))
        .body("applicant.priorityPublics", equalTo(List.of("NEET_UNDER_26")))
        .body("applicant.constraints.accommodationNeeds", nullValue())
        .body("applicant.constraints.availability", equalTo("Full time"));
    RestAssured.given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-fr"))
        .get(url)
        .then()
        .statusCode(200)
        .body("applicant.sensitiveFieldsHidden", equalTo(true))
        .body("applicant.priorityPublics", everyItem(not(equalTo("REFUGEE"))));
    assertThat(audits("READ", Tokens.subject("site-staff-fr"))).isZero();

    long before = audits("READ", Tokens.subject("country-admin-fr"));
    Api.as("country-admin-fr")
        .get(url)
        .then()
        .statusCode(200)
        .body("applicant.sensitiveFieldsHidden", equalTo(false))
        .body("applicant.priorityPublics", hasItem("REFUGEE"))
        .body("applicant.constraints.accommodationNeeds", equalTo("Ground floor"));
    assertThat(audits("READ", Tokens.subject("country-admin-fr"))).isEqualTo(before + 1);
    String fields =
        (String)
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        entityManager
                            .createNativeQuery(
                                "select fields from sensitive_data_access where action = 'READ'"
                                    + " and applicant_id = (select applicant_id from application"
                                    + " where id = ?1) order by at desc limit 1")
                            .setParameter(1, UUID.fromString(sevranRefugee))
                            .getSingleResult());
    assertThat(fields).isEqualTo("accommodationNeeds,disability,refugee");
    // Changing a sensitive field is audited too (the creation above counted as one change).
    assertThat(
            Api.count(
                entityManager,
                "select count(*) from sensitive_data_access where action = 'CHANGE'"
                    + " and applicant_id = (select applicant_id from application where id = '"
                    + sevranRefugee
                    + "')"))
        .isEqualTo(1);
  }
}
