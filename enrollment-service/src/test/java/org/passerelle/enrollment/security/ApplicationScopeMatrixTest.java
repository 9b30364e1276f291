package org.passerelle.enrollment.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.enrollment.testing.Fixtures;

/**
 * Each role and country against each selection endpoint, for an application and intake at FR-SEVRAN
 * (OWASP API1): allowed, 404 (outside the scope, as if it did not exist) or 403 (a role that never
 * may). A refused call changes nothing.
 */
@QuarkusTest
class ApplicationScopeMatrixTest {

  @Inject EntityManager entityManager;

  private static RequestSpecification as(String caller) {
    if (caller.startsWith("integration-")) {
      return given()
          .header("Authorization", "Bearer " + Tokens.ofClient(caller))
          .contentType(ContentType.JSON);
    }
    return Api.as(caller);
  }

  private String status(String application) {
    return (String)
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createNativeQuery("select status from application where id = ?1")
                        .setParameter(1, UUID.fromString(application))
                        .getSingleResult());
  }

  @ParameterizedTest(name = "{0}: read {1}, screen {2}, withdraw {3}, intake {4}, waitlist {5}")
  @CsvSource({
    "platform-admin,   200, 200, 200, 200, 200",
    "country-admin-fr, 200, 200, 200, 200, 200",
    "country-admin-ma, 404, 404, 404, 404, 404",
    "site-staff-fr,    200, 200, 200, 200, 200",
    "site-staff-ma,    404, 404, 404, 404, 404",
    "learner-fr,       404, 403, 404, 403, 403",
    "learner-ma,       404, 403, 404, 403, 403",
    "partner-fr,       403, 403, 403, 403, 403",
    "integration-fr,   200, 403, 403, 200, 403",
    "integration-ma,   404, 403, 404, 404, 403",
  })
  void eachRoleAndCountryGetsWhatItsScopeAllows(
      String caller, int read, int screen, int withdraw, int intakeRead, int waitlist) {
    UUID intake = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    String application = Fixtures.submit("site-staff-fr", intake, "FR-SEVRAN");
    String url = Fixtures.APPLICATIONS + "/" + application;

    as(caller).get(url).then().statusCode(read);
    as(caller).post(url + "/screen").then().statusCode(screen);
    assertThat(status(application)).isEqualTo(screen == 200 ? "SCREENING" : "SUBMITTED");

    String other = Fixtures.submit("site-staff-fr", intake, "FR-SEVRAN");
    as(caller).post(Fixtures.APPLICATIONS + "/" + other + "/withdraw").then().statusCode(withdraw);
    assertThat(status(other)).isEqualTo(withdraw == 200 ? "WITHDRAWN" : "SUBMITTED");

    as(caller).get("/api/v1/intakes/" + intake).then().statusCode(intakeRead);
    as(caller).get("/api/v1/intakes/" + intake + "/waitlist").then().statusCode(waitlist);
    as(caller).get("/api/v1/intakes/" + intake + "/waitlist/entries").then().statusCode(waitlist);
  }
}
