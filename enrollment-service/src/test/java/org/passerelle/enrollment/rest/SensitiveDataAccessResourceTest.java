package org.passerelle.enrollment.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.enrollment.testing.Callers;
import org.passerelle.enrollment.testing.Fixtures;
import org.passerelle.enrollment.testing.Person;

/** The audit log of sensitive fields, for administrators: field names, never values. */
@QuarkusTest
class SensitiveDataAccessResourceTest {

  static final String LOG = "/api/v1/sensitive-data-accesses";

  @Inject EntityManager entityManager;

  @Test
  void aCountryAdminsReadIsLoggedWithFieldNamesOnly() {
    Person person = Person.of("FR");
    JsonNode application =
        person.submit(
            "site-staff-fr",
            Fixtures.openIntake(entityManager, "FR-SEVRAN"),
            "[\"DISABILITY\", \"REFUGEE\"]");
    String applicantId = application.path("applicant").path("id").asText();
    OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
    Api.as("country-admin-fr")
        .get(Fixtures.APPLICATIONS + "/" + application.path("id").asText())
        .then()
        .statusCode(200);
    String admin = Person.subjectOf("country-admin-fr");

    String log =
        Api.as("country-admin-fr")
            .get(LOG + "?applicantId=" + applicantId + "&action=READ")
            .then()
            .statusCode(200)
            .body("total", equalTo(1))
            .body("items[0].action", equalTo("READ"))
            .body("items[0].actor", equalTo(admin))
            .body("items[0].actedBy.type", equalTo("PERSON"))
            .body("items[0].actedBy.id", equalTo(admin))
            .body("items[0].actedBy.displayName", nullValue())
            .body("items[0].actorRoles", org.hamcrest.Matchers.hasItem("country-admin"))
            .body("items[0].applicantId", equalTo(applicantId))
            .body("items[0].country", equalTo("FR"))
            .body(
                "items[0].fields", equalTo(List.of("accommodationNeeds", "disability", "refugee")))
            .body("items[0].purpose", equalTo("getApplication"))
            .extract()
            .asString();
    assertThat(log)
        .doesNotContain(person.accommodationNeeds(), person.lastName(), person.email(), "\"value");
    // The change made by staff when submitting is there too, newest first.
    Api.as("country-admin-fr")
        .get(LOG + "?applicantId=" + applicantId)
        .then()
        .statusCode(200)
        .body("items.action", equalTo(List.of("READ", "CHANGE")));
    // Filters: actor, period, page size.
    Api.as("platform-admin")
        .queryParam("actor", admin)
        .queryParam("applicantId", applicantId)
        .queryParam("from", before.toString())
        .get(LOG)
        .then()
        .statusCode(200)
        .body("total", equalTo(1));
    Api.as("platform-admin")
        .queryParam("applicantId", applicantId)
        .queryParam("to", before.toString())
        .get(LOG)
        .then()
        .statusCode(200)
        .body("total", equalTo(0));
    Api.as("platform-admin")
        .get(LOG + "?applicantId=" + applicantId + "&size=1")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("total", equalTo(2));
  }

  @Test
  void scopeMatrix() {
    JsonNode application =
        Person.of("FR")
            .submit(
                "site-staff-fr",
                Fixtures.openIntake(entityManager, "FR-SEVRAN"),
                "[\"DISABILITY\"]");
    String applicantId = application.path("applicant").path("id").asText();
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("platform-admin", 1);
    expected.put("country-admin-fr", 1);
    expected.put("country-admin-ma", 0);
    for (String other :
        new String[] {
          "site-staff-fr",
          "site-staff-ma",
          "learner-fr",
          "learner-ma",
          "partner-fr",
          "partner-ma",
          "integration-fr",
          "integration-ma"
        }) {
      expected.put(other, -1);
    }
    assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(Callers.ALL);
    expected.forEach(
        (caller, total) -> {
          var response = Callers.as(caller).get(LOG + "?applicantId=" + applicantId).then();
          if (total < 0) {
            response.statusCode(403).contentType("application/problem+json");
          } else {
            response.statusCode(200).body("total", equalTo(total));
          }
        });
    Api.as("country-admin-ma")
        .get(LOG + "?size=100")
        .then()
        .statusCode(200)
        .body("items.country", everyItem(equalTo("MA")));
  }

  @Test
  void badFiltersAreRefused() {
    for (String query :
        new String[] {
          "?action=PEEK",
          "?applicantId=not-a-uuid",
          "?from=yesterday",
          "?to=2026-13-40T00:00:00Z",
          "?size=101",
          "?page=-1",
          "?actor=" + "a".repeat(101),
          "?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"
        }) {
      int status =
          Api.as("platform-admin")
              .get(LOG + query)
              .then()
              .contentType("application/problem+json")
              .body(not(containsString("Exception")))
              .extract()
              .statusCode();
      assertThat(status).as(query).isEqualTo(400);
    }
  }
}
