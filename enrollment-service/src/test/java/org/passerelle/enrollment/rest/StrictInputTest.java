package org.passerelle.enrollment.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.passerelle.enrollment.testing.Fixtures.APPLICATIONS;
import static org.passerelle.enrollment.testing.Fixtures.body;
import static org.passerelle.enrollment.testing.Fixtures.email;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.enrollment.testing.Fixtures;
import org.passerelle.problem.Problem;

/**
 * The commons rules for reading requests hold here too (issue 13): a body only as a declared media
 * type (CSV or JSON for imports), one JSON document with each key once and well-formed text, and a
 * list's page and size as numbers. Each refusal is problem+json and writes nothing.
 */
@QuarkusTest
class StrictInputTest {

  private static final String IMPORTS = APPLICATIONS + "/imports";

  @Inject EntityManager entityManager;

  @Test
  void onlyWellFormedBodiesOfADeclaredMediaTypeAndNumericPagesAreRead() {
    UUID intake = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    String good = body(intake, "FR-SEVRAN", email());
    String before = written();

    for (String type : new String[] {"text/plain", "application/xml"}) {
      refused(
          Api.as("site-staff-fr").contentType(type).body(good).post(APPLICATIONS),
          415,
          "unsupported-media-type");
    }
    refused(
        Api.as("country-admin-fr").contentType("text/xml").body("<rows/>").post(IMPORTS),
        415,
        "unsupported-media-type");
    for (String path : new String[] {APPLICATIONS, IMPORTS}) {
      HttpResponse<String> untyped =
          Api.withoutContentType(
              "country-admin-fr",
              "POST",
              path,
              path.equals(IMPORTS) ? "{\"rows\": [" + good + "]}" : good);
      assertThat(untyped.statusCode()).as(path).isEqualTo(415);
      assertThat(untyped.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
    }

    refused(Api.as("site-staff-fr").body(good + " {}").post(APPLICATIONS), 400, "malformed-json");
    refused(
            Api.as("site-staff-fr")
                .body(good.replaceFirst("\\{", "{\"intakeId\": \"" + UUID.randomUUID() + "\", "))
                .post(APPLICATIONS),
            400,
            "malformed-json")
        .body("errors.field", contains("intakeId"));
    refused(
            Api.as("site-staff-fr")
                .body(good.replace("\"Amina\"", "\"Amina\\ud800\""))
                .post(APPLICATIONS),
            400,
            "invalid-request")
        .body("errors.field", contains("applicant.firstName"));
    refused(
        Api.as("country-admin-fr").body("{\"rows\": [" + good + "], \"rows\": []}").post(IMPORTS),
        400,
        "malformed-json");

    for (String[] query :
        new String[][] {{"size=abc", "size"}, {"size=99999999999", "size"}, {"page=x", "page"}}) {
      refused(
              Api.as("country-admin-fr").get(APPLICATIONS + "?" + query[0]),
              400,
              "validation-failed")
          .body("errors.field", contains(query[1]));
    }
    assertThat(written()).isEqualTo(before);

    // The import's documented CSV is still read as CSV (here: a header and no rows, 400).
    Api.as("country-admin-fr")
        .contentType("text/csv")
        .body("externalRef,intakeId\n")
        .post(IMPORTS)
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo(Problem.TYPE_BASE + "invalid-request"));
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
    StringBuilder counts = new StringBuilder();
    for (String table :
        new String[] {
          "applicant", "application", "consent", "application_import", "outbox_event"
        }) {
      counts
          .append(table)
          .append('=')
          .append(Api.count(entityManager, "select count(*) from " + table))
          .append(' ');
    }
    return counts.toString();
  }
}
