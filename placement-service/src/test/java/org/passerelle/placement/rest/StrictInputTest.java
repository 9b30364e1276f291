package org.passerelle.placement.rest;

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
 * The commons rules for reading requests hold here too (issue 13): a body only as JSON, one
 * document with each key once and well-formed text, and a list's page and size as numbers (here the
 * parked events' list, this service's only list). Each refusal is problem+json and writes nothing.
 */
@QuarkusTest
class StrictInputTest {

  private static final String PATH = "/api/v1/job-offers";
  private static final String GOOD =
      "{\"employerName\": \"Atelier Web\", \"title\": \"Développeur·se web junior\", \"contractType\": \"CDI\", \"siteCode\": \"FR-SEVRAN\", \"city\": \"Sevran\", \"openings\": 2}";
  private static final String DEAD_LETTERS = "/api/v1/event-consumers/placement/dead-letters";

  @Inject EntityManager entityManager;

  @Test
  void onlyWellFormedJsonBodiesAndNumericPagesAreRead() {
    String before = written();

    for (String type : new String[] {"text/plain", "application/xml"}) {
      refused(
          Api.as("site-staff-fr").contentType(type).body(GOOD).post(PATH),
          415,
          "unsupported-media-type");
    }
    HttpResponse<String> untyped = Api.withoutContentType("site-staff-fr", "POST", PATH, GOOD);
    assertThat(untyped.statusCode()).isEqualTo(415);
    assertThat(untyped.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);

    refused(Api.as("site-staff-fr").body(GOOD + " {}").post(PATH), 400, "malformed-json");
    refused(
            Api.as("site-staff-fr")
                .body(GOOD.replace("\"openings\": 2", "\"openings\": 2, \"openings\": 3"))
                .post(PATH),
            400,
            "malformed-json")
        .body("errors.field", contains("openings"));
    refused(
            Api.as("site-staff-fr")
                .body(GOOD.replace("Atelier Web", "Atelier Web\\ud800"))
                .post(PATH),
            400,
            "invalid-request")
        .body("errors.field", contains("employerName"));

    for (String[] query :
        new String[][] {{"size=abc", "size"}, {"size=99999999999", "size"}, {"page=x", "page"}}) {
      refused(Api.as("platform-admin").get(DEAD_LETTERS + "?" + query[0]), 400, "validation-failed")
          .body("errors.field", contains(query[1]));
    }
    assertThat(written()).isEqualTo(before);
  }

  private static ValidatableResponse refused(Response response, int status, String type) {
    return response
        .then()
        .statusCode(status)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo(Problem.TYPE_BASE + type));
  }

  private String written() {
    return "job_offer="
        + Api.count(entityManager, "select count(*) from job_offer")
        + " events="
        + Api.count(entityManager, "select count(*) from outbox_event");
  }
}
