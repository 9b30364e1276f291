package org.passerelle.partnership.rest;

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

  private static final String PATH = "/api/v1/partners";
  private static final String GOOD =
      "{\"name\": \"Atelier Numérique\", \"kind\": \"FUNDER\", \"country\": \"FR\", \"registrationNumber\": \"73282932000074\"}";
  private static final String DEAD_LETTERS = "/api/v1/event-consumers/partnership/dead-letters";

  @Inject EntityManager entityManager;

  @Test
  void onlyWellFormedJsonBodiesAndNumericPagesAreRead() {
    String before = written();

    for (String type : new String[] {"text/plain", "application/xml"}) {
      refused(
          Api.as("country-admin-fr").contentType(type).body(GOOD).post(PATH),
          415,
          "unsupported-media-type");
    }
    HttpResponse<String> untyped = Api.withoutContentType("country-admin-fr", "POST", PATH, GOOD);
    assertThat(untyped.statusCode()).isEqualTo(415);
    assertThat(untyped.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);

    refused(Api.as("country-admin-fr").body(GOOD + " {}").post(PATH), 400, "malformed-json");
    refused(
            Api.as("country-admin-fr")
                .body(
                    GOOD.replace(
                        "\"name\": \"Atelier Numérique\"",
                        "\"name\": \"Atelier Numérique\", \"name\": \"Autre\""))
                .post(PATH),
            400,
            "malformed-json")
        .body("errors.field", contains("name"));
    refused(
            Api.as("country-admin-fr")
                .body(GOOD.replace("Atelier Numérique", "Atelier Numérique\\ud800"))
                .post(PATH),
            400,
            "invalid-request")
        .body("errors.field", contains("name"));

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
    return "partner="
        + Api.count(entityManager, "select count(*) from partner")
        + " events="
        + Api.count(entityManager, "select count(*) from outbox_event");
  }
}
