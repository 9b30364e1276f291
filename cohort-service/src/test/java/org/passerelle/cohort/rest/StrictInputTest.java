package org.passerelle.cohort.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.problem.Problem;

/**
 * The commons rules for reading requests hold here too (issue 13): a body only as a declared media
 * type (merge patch too for PATCH), one JSON document with each key once and well-formed text, and
 * a list's page and size as numbers. Each refusal is problem+json and writes nothing.
 */
@QuarkusTest
class StrictInputTest {

  private static final String COHORTS = CohortResourceTest.COHORTS;

  @Inject EntityManager entityManager;

  @Test
  void onlyWellFormedBodiesOfADeclaredMediaTypeAndNumericPagesAreRead() {
    String id = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN");
    String good = CohortResourceTest.body("WEB-DEV", "FR-SEVRAN", "2027-01-11", "2027-06-25", 20);
    String before = written();

    refused(
        Api.as("site-staff-fr").contentType("text/plain").body(good).post(COHORTS),
        415,
        "unsupported-media-type");
    refused(
        Api.as("site-staff-fr")
            .contentType("application/xml")
            .header("If-Match", "\"0\"")
            .body("{\"capacity\": 21}")
            .patch(COHORTS + "/" + id),
        415,
        "unsupported-media-type");
    for (String[] call :
        new String[][] {
          {"POST", COHORTS, good}, {"PATCH", COHORTS + "/" + id, "{\"capacity\": 21}"}
        }) {
      HttpResponse<String> untyped =
          Api.withoutContentType("site-staff-fr", call[0], call[1], call[2]);
      assertThat(untyped.statusCode()).as(call[0]).isEqualTo(415);
      assertThat(untyped.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
    }

    refused(Api.as("site-staff-fr").body(good + " []").post(COHORTS), 400, "malformed-json");
    refused(
            Api.as("site-staff-fr")
                .body(good.replace("\"capacity\": 20", "\"capacity\": 20, \"capacity\": 30"))
                .post(COHORTS),
            400,
            "malformed-json")
        .body("errors.field", contains("capacity"));
    refused(
            Api.as("site-staff-fr")
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"trainers\": [\"Ana\\udc00\"]}")
                .patch(COHORTS + "/" + id),
            400,
            "invalid-request")
        .body("errors.field", contains("trainers[0]"));

    for (String[] query :
        new String[][] {{"size=abc", "size"}, {"size=99999999999", "size"}, {"page=x", "page"}}) {
      refused(Api.as("site-staff-fr").get(COHORTS + "?" + query[0]), 400, "validation-failed")
          .body("errors.field", contains(query[1]));
    }
    assertThat(written()).isEqualTo(before);
    Api.as("site-staff-fr")
        .get(COHORTS + "/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("capacity", equalTo(20));
  }

  private static ValidatableResponse refused(Response response, int status, String type) {
    return response
        .then()
        .statusCode(status)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo(Problem.TYPE_BASE + type));
  }

  private String written() {
    return "cohorts="
        + Api.count(entityManager, "select count(*) from cohort")
        + " events="
        + Api.count(entityManager, "select count(*) from outbox_event");
  }
}
