package org.passerelle.cohort.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.passerelle.cohort.rest.ReferenceDataResourceTest.PROGRAMMES;
import static org.passerelle.cohort.rest.ReferenceDataResourceTest.SITES;
import static org.passerelle.cohort.rest.ReferenceDataResourceTest.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.testing.Cohorts;

/**
 * One shape across the service's resources (issue 20, ADR 0043): each read shows createdAt and
 * updatedAt, and titles in three languages are {@code titles: {fr, en, ar}} everywhere; a
 * competency block's flat titleFr/titleEn/titleAr stay beside them, deprecated, and are still read.
 */
@QuarkusTest
class ResourceShapesTest {

  private static OffsetDateTime at(JsonPath json, String path) {
    return OffsetDateTime.parse(json.getString(path));
  }

  private static String blocksAsTitles(String code) {
    return """
        {"code": "%s",
         "titles": {"fr": "Développeur web", "en": "Web developer", "ar": "مطور ويب"},
         "jobTrack": "WEB_MOBILE_DEVELOPMENT",
         "certification": {"framework": "RNCP", "code": "RNCP37674", "level": 5},
         "durationWeeks": 30,
         "competencyBlocks": [
           {"code": "BC01",
            "titles": {"fr": "Maquetter", "en": "Design mock-ups", "ar": "تصميم النماذج"}}]}
        """
        .formatted(code);
  }

  @Test
  void aProgrammesBlocksTakeAndShowTitlesAndItShowsWhenItChanged() {
    String code = ReferenceDataResourceTest.newProgrammeCode();
    JsonPath created =
        as("platform-admin")
            .body(blocksAsTitles(code))
            .post(PROGRAMMES)
            .then()
            .statusCode(201)
            .body("competencyBlocks[0].titles.fr", equalTo("Maquetter"))
            .body("competencyBlocks[0].titles.ar", equalTo("تصميم النماذج"))
            .body("competencyBlocks[0].titleEn", equalTo("Design mock-ups"))
            .extract()
            .jsonPath();
    assertThat(at(created, "updatedAt")).isEqualTo(at(created, "createdAt"));

    // only the blocks change, by the old flat names: the programme's version and updatedAt do too
    JsonPath changed =
        as("platform-admin")
            .header("If-Match", "\"" + created.getLong("version") + "\"")
            .contentType("application/merge-patch+json")
            .body(
                """
                {"competencyBlocks": [{"code": "BC01", "titleFr": "Maquetter une interface",
                  "titleEn": "Design an interface", "titleAr": "تصميم واجهة"}]}
                """)
            .patch(PROGRAMMES + "/" + code)
            .then()
            .statusCode(200)
            .body("competencyBlocks[0].titles.en", equalTo("Design an interface"))
            .body("competencyBlocks[0].titleEn", equalTo("Design an interface"))
            .extract()
            .jsonPath();
    assertThat(changed.getLong("version")).isGreaterThan(created.getLong("version"));
    assertThat(at(changed, "createdAt")).isEqualTo(at(created, "createdAt"));
    assertThat(at(changed, "updatedAt")).isAfter(at(created, "updatedAt"));
    JsonPath read =
        as("learner-fr").get(PROGRAMMES + "/" + code).then().statusCode(200).extract().jsonPath();
    assertThat(at(read, "updatedAt")).isEqualTo(at(changed, "updatedAt"));
  }

  @Test
  void aBlockGivingDifferentTitlesUnderBothNamesOrNoneIsRefused() {
    String code = ReferenceDataResourceTest.newProgrammeCode();
    String both =
        blocksAsTitles(code)
            .replace(
                "\"code\": \"BC01\",",
                "\"code\": \"BC01\", \"titleFr\": \"Autre\", \"titleEn\": \"Other\","
                    + " \"titleAr\": \"آخر\",");
    as("platform-admin")
        .body(both)
        .post(PROGRAMMES)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("competencyBlocks[0].titles"));
    String none =
        blocksAsTitles(code)
            .replaceAll(
                "\\{\"code\": \"BC01\",\\s*\"titles\": \\{[^}]*\\}\\}", "{\"code\": \"BC01\"}");
    assertThat(none).contains("{\"code\": \"BC01\"}]");
    as("platform-admin")
        .body(none)
        .post(PROGRAMMES)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("competencyBlocks[0].titles"));
    as("platform-admin").get(PROGRAMMES + "/" + code).then().statusCode(404);
  }

  @Test
  void aSiteAndACohortShowWhenTheyWereCreatedAndLastChanged() {
    String site = ReferenceDataResourceTest.createSite("FR", "Europe/Paris");
    JsonPath read =
        as("platform-admin").get(SITES + "/" + site).then().statusCode(200).extract().jsonPath();
    assertThat(at(read, "updatedAt")).isEqualTo(at(read, "createdAt"));

    UUID cohort =
        Cohorts.cohort(
            "FR-SEVRAN", "WEB-DEV", CohortStatus.PLANNED, 12, LocalDate.now().plusMonths(2));
    JsonPath planned =
        as("platform-admin")
            .get("/api/v1/cohorts/" + cohort)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(at(planned, "updatedAt")).isEqualTo(at(planned, "createdAt"));
    JsonPath recruiting =
        as("platform-admin")
            .post("/api/v1/cohorts/" + cohort + "/open-recruitment")
            .then()
            .statusCode(200)
            .body("status", equalTo("RECRUITING"))
            .extract()
            .jsonPath();
    assertThat(at(recruiting, "createdAt")).isEqualTo(at(planned, "createdAt"));
    assertThat(at(recruiting, "updatedAt")).isAfter(at(planned, "updatedAt"));
  }
}
