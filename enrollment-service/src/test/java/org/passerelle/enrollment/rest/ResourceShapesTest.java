package org.passerelle.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.enrollment.testing.Fixtures;

/**
 * One shape across the service's resources (issue 20, ADR 0043): an intake, an open intake and an
 * application, however read, show createdAt and updatedAt.
 */
@QuarkusTest
class ResourceShapesTest {

  @Inject EntityManager entityManager;

  private static OffsetDateTime at(JsonPath json, String path) {
    return OffsetDateTime.parse(json.getString(path));
  }

  @Test
  void anIntakeAndItsApplicationsShowWhenTheyWereCreatedAndLastChanged() {
    String site = "FR-SH" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    UUID intake =
        Fixtures.intake(
            entityManager, site, today.minusDays(1), today, today.plusMonths(2), 18, "RECRUITING");

    JsonPath staff =
        Api.as("country-admin-fr")
            .get("/api/v1/intakes/" + intake)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(at(staff, "createdAt")).isEqualTo(at(staff, "updatedAt"));
    JsonPath open =
        given()
            .queryParam("site", site)
            .get("/api/v1/intakes/open")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(at(open, "items[0].createdAt")).isEqualTo(at(staff, "createdAt"));
    assertThat(at(open, "items[0].updatedAt")).isEqualTo(at(staff, "updatedAt"));

    String own = Fixtures.submit("learner-fr", intake, site);
    JsonPath application =
        Api.as("country-admin-fr")
            .get(Fixtures.APPLICATIONS + "/" + own)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(at(application, "createdAt")).isEqualTo(at(application, "submittedAt"));
    assertThat(at(application, "updatedAt")).isAfterOrEqualTo(at(application, "createdAt"));
    JsonPath listed =
        Api.as("country-admin-fr")
            .queryParam("intakeId", intake.toString())
            .get(Fixtures.APPLICATIONS)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(at(listed, "items[0].createdAt")).isEqualTo(at(application, "createdAt"));
    JsonPath mine =
        Api.as("learner-fr")
            .get(Fixtures.APPLICATIONS + "/mine")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String item = "items.find { it.id == '" + own + "' }";
    assertThat(at(mine, item + ".createdAt")).isEqualTo(at(application, "createdAt"));
    assertThat(at(mine, item + ".updatedAt")).isEqualTo(at(application, "updatedAt"));
  }
}
