package org.passerelle.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Tokens;

/** The first flows across the platform, through the gateway only, with real tokens. */
class WalkingSkeletonTest {

  private static String gateway;

  @BeforeAll
  static void startPlatform() {
    gateway = Platform.get().gateway();
  }

  private static RequestSpecification as(String user) {
    return Platform.asUser(user);
  }

  private static String scheduleCohort(String user, String site) {
    return Platform.scheduleCohort(as(user), site);
  }

  private static String submitApplication(String user, String cohortId, String site) {
    return Platform.submitApplication(as(user), cohortId, site);
  }

  @Test
  void withoutATokenTheGatewayAnswers401() {
    given()
        .baseUri(gateway)
        .get("/api/v1/applications/" + UUID.randomUUID())
        .then()
        .statusCode(401);
    given().baseUri(gateway).get("/api/v1/cohorts/" + UUID.randomUUID()).then().statusCode(401);
  }

  @Test
  void locationsPointAtTheGatewayNotAtTheService() {
    String cohort = scheduleCohort("platform-admin", "FR-CERGY");
    Platform.awaitIntake(cohort);
    String location =
        as("country-admin-fr")
            .body(Platform.applicationBody(cohort, "FR-CERGY"))
            .post("/api/v1/applications")
            .then()
            .statusCode(201)
            .extract()
            .header("Location");
    assertThat(location).startsWith(gateway + "/api/v1/applications/");
    as("country-admin-fr").get(location.substring(gateway.length())).then().statusCode(200);
  }

  @Test
  void anApplicationOutsideTheCallersCountryIsNotFound() {
    String cohort = scheduleCohort("country-admin-fr", "FR-SEVRAN");
    String application = submitApplication("site-staff-fr", cohort, "FR-SEVRAN");
    as("country-admin-fr").get("/api/v1/applications/" + application).then().statusCode(200);
    as("country-admin-ma")
        .get("/api/v1/applications/" + application)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .baseUri(gateway)
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-ma"))
        .get("/api/v1/applications/" + application)
        .then()
        .statusCode(404);
  }

  @Test
  void aCreatedApplicationIsCountedByCohortServiceWithinSeconds() {
    String cohort = scheduleCohort("country-admin-ma", "MA-FES");
    as("country-admin-ma")
        .get("/api/v1/cohorts/" + cohort)
        .then()
        .statusCode(200)
        .body("applicationsReceived", equalTo(0));
    submitApplication("site-staff-ma", cohort, "MA-FES");
    Platform.submitOwnApplication("learner-ma", cohort, "MA-FES");
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () ->
                as("site-staff-ma")
                    .get("/api/v1/cohorts/" + cohort)
                    .then()
                    .statusCode(200)
                    .body("applicationsReceived", equalTo(2)));
  }

  @Test
  void theMergedOpenApiListsAllFourServices() {
    Map<String, Object> paths =
        given()
            .baseUri(gateway)
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .path("paths");
    assertThat(paths)
        .containsKeys(
            "/api/v1/applications", "/api/v1/cohorts", "/api/v1/partners", "/api/v1/job-offers");
  }

  @Test
  void readinessCoversDatabaseKafkaAndBackendsAndMetricsArePublic() {
    for (String service : java.util.List.of("enrollment", "cohort", "partnership", "placement")) {
      String base = Platform.get().service(service);
      java.util.List<String> checks =
          given()
              .baseUri(base)
              .get("/q/health/ready")
              .then()
              .statusCode(200)
              .extract()
              .path("checks.name");
      assertThat(checks)
          .as(service + " readiness checks")
          .anySatisfy(name -> assertThat(name).containsIgnoringCase("database"))
          .anySatisfy(name -> assertThat(name).containsIgnoringCase("kafka"));
      given().baseUri(base).get("/q/metrics").then().statusCode(200);
      given().baseUri(base).get("/q/openapi").then().statusCode(200);
    }
    given()
        .baseUri(gateway)
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'backends' }.data.'FR.cohort'", equalTo("UP"))
        .body("checks.find { it.name == 'backends' }.data.'MA.enrollment'", equalTo("UP"));
    given().baseUri(gateway).get("/q/swagger-ui/").then().statusCode(200);
  }

  @Test
  void partnersAndJobOffersGoThroughTheGatewayToo() {
    String partner =
        as("country-admin-fr")
            .body("{\"name\": \"Banlieue Tech\", \"kind\": \"EMPLOYER\", \"country\": \"FR\"}")
            .post("/api/v1/partners")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as("site-staff-fr").get("/api/v1/partners/" + partner).then().statusCode(200);
    as("partner-fr")
        .body(
            """
            {"partnerId": "11111111-1111-4111-8111-111111111111", "employerName": "Banlieue Tech",
             "title": "Développeuse web", "contractType": "CDI", "siteCode": "FR-SEVRAN",
             "city": "Sevran", "openings": 1}
            """)
        .post("/api/v1/job-offers")
        .then()
        .statusCode(201);
  }
}
