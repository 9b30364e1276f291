package org.passerelle.cohort.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.passerelle.cohort.events.CohortOutbox.CHANGED;
import static org.passerelle.cohort.events.CohortOutbox.SCHEDULED;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.events.CohortOutbox;
import org.passerelle.commons.testing.Api;

/** The recruitment window and minimum age: defaults, rules, and the events that carry them. */
@QuarkusTest
class RecruitmentWindowTest {

  private static final String COHORTS = CohortResourceTest.COHORTS;

  @Inject EntityManager entityManager;

  /** A WEB-DEV cohort at FR-SEVRAN from 2027-01-11 to 2027-06-25, with these extra fields. */
  private static String body(String extra) {
    return """
        {"programmeCode": "WEB-DEV", "siteCode": "FR-SEVRAN", "startDate": "2027-01-11",
         "endDate": "2027-06-25", "capacity": 20%s}
        """
        .formatted(extra.isEmpty() ? "" : ", " + extra);
  }

  private static ValidatableResponse schedule(String body) {
    return Api.as("site-staff-fr").body(body).post(COHORTS).then();
  }

  private static ValidatableResponse change(String id, String ifMatch, String body) {
    return Api.as("site-staff-fr")
        .header("If-Match", ifMatch)
        .body(body)
        .patch(COHORTS + "/" + id)
        .then();
  }

  private long cohorts() {
    return Api.count(entityManager, "select count(*) from cohort");
  }

  private long outbox() {
    return Api.count(entityManager, "select count(*) from outbox_event");
  }

  @Test
  void leftOutTheWindowOpensTodayAndClosesTheDayBeforeTheStartFrom18() {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String id =
        schedule(body(""))
            .statusCode(201)
            .body("recruitmentOpensOn", equalTo(today))
            .body("recruitmentClosesOn", equalTo("2027-01-10"))
            .body("minimumAge", equalTo(18))
            .body("seatsTaken", equalTo(0))
            .extract()
            .path("id");
    Api.as("site-staff-fr")
        .get(COHORTS + "/" + id)
        .then()
        .body("recruitmentOpensOn", equalTo(today))
        .body("recruitmentClosesOn", equalTo("2027-01-10"))
        .body("minimumAge", equalTo(18));
    JsonNode scheduled = CohortOutbox.events(entityManager, id, SCHEDULED).get(0);
    assertThat(scheduled.path("recruitmentOpensOn").asText()).isEqualTo(today);
    assertThat(scheduled.path("recruitmentClosesOn").asText()).isEqualTo("2027-01-10");
    assertThat(scheduled.path("minimumAge").asInt()).isEqualTo(18);
  }

  @Test
  void aGivenWindowAndMinimumAgeAreKeptAndSent() {
    String id =
        schedule(
                body(
                    "\"recruitmentOpensOn\": \"2026-12-01\", \"recruitmentClosesOn\":"
                        + " \"2026-12-20\", \"minimumAge\": 21"))
            .statusCode(201)
            .body("recruitmentOpensOn", equalTo("2026-12-01"))
            .body("recruitmentClosesOn", equalTo("2026-12-20"))
            .body("minimumAge", equalTo(21))
            .extract()
            .path("id");
    JsonNode scheduled = CohortOutbox.events(entityManager, id, SCHEDULED).get(0);
    assertThat(scheduled.path("recruitmentOpensOn").asText()).isEqualTo("2026-12-01");
    assertThat(scheduled.path("recruitmentClosesOn").asText()).isEqualTo("2026-12-20");
    assertThat(scheduled.path("minimumAge").asInt()).isEqualTo(21);

    // the edges: a one-day window closing the day before the start; the youngest and oldest ages
    schedule(
            body(
                "\"recruitmentOpensOn\": \"2027-01-10\", \"recruitmentClosesOn\":"
                    + " \"2027-01-10\", \"minimumAge\": 16"))
        .statusCode(201);
    schedule(body("\"minimumAge\": 99")).statusCode(201).body("minimumAge", equalTo(99));
    // only a closing day: recruitment opens today
    schedule(body("\"recruitmentClosesOn\": \"2026-12-31\""))
        .statusCode(201)
        .body("recruitmentOpensOn", equalTo(LocalDate.now(ZoneOffset.UTC).toString()));
  }

  @Test
  void aCohortStartingTodayGetsAWindowThatIsNotBackwards() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String body =
        """
        {"programmeCode": "WEB-DEV", "siteCode": "FR-SEVRAN", "startDate": "%s",
         "endDate": "%s", "capacity": 20}
        """
            .formatted(today, today.plusWeeks(28));
    schedule(body)
        .statusCode(201)
        .body("recruitmentOpensOn", equalTo(today.minusDays(1).toString()))
        .body("recruitmentClosesOn", equalTo(today.minusDays(1).toString()));
  }

  @Test
  void aWindowBreakingARuleIs400NamingTheFieldAndWritesNothing() {
    long cohorts = cohorts();
    long outbox = outbox();
    record Bad(String extra, String field) {}
    List<Bad> bad =
        List.of(
            // closes on the start date, or after it
            new Bad("\"recruitmentClosesOn\": \"2027-01-11\"", "recruitmentClosesOn"),
            new Bad("\"recruitmentClosesOn\": \"2027-03-01\"", "recruitmentClosesOn"),
            // closes before it opens
            new Bad(
                "\"recruitmentOpensOn\": \"2026-12-20\", \"recruitmentClosesOn\": \"2026-12-19\"",
                "recruitmentClosesOn"),
            // opens after the default closing day (the day before the start)
            new Bad("\"recruitmentOpensOn\": \"2027-01-11\"", "recruitmentOpensOn"),
            new Bad("\"recruitmentOpensOn\": \"2027-02-01\"", "recruitmentOpensOn"),
            // minimum age out of 16..99, or not an integer
            new Bad("\"minimumAge\": 15", "minimumAge"),
            new Bad("\"minimumAge\": 100", "minimumAge"),
            new Bad("\"minimumAge\": \"18\"", "minimumAge"),
            new Bad("\"minimumAge\": 17.5", "minimumAge"),
            new Bad("\"recruitmentOpensOn\": \"2026-13-01\"", "recruitmentOpensOn"));
    for (Bad each : bad) {
      schedule(body(each.extra()))
          .statusCode(400)
          .contentType("application/problem+json")
          .body("status", equalTo(400))
          .body("errors.field", hasItem(each.field()));
    }
    schedule(body("\"recruitmentClosesOn\": \"2027-01-11\""))
        .body("type", equalTo("https://passerelle.org/problems/validation-failed"));
    assertThat(cohorts()).isEqualTo(cohorts);
    assertThat(outbox()).isEqualTo(outbox);
  }

  @Test
  void aChangedWindowOrMinimumAgeIsAChangeWithItsEvent() {
    String id = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN");
    change(
            id,
            "\"0\"",
            "{\"recruitmentOpensOn\": \"2026-11-30\", \"recruitmentClosesOn\": \"2026-12-18\"}")
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("recruitmentOpensOn", equalTo("2026-11-30"))
        .body("recruitmentClosesOn", equalTo("2026-12-18"));
    change(id, "\"1\"", "{\"minimumAge\": 25}")
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("minimumAge", equalTo(25));
    // the same values again: nothing changes
    change(id, "\"2\"", "{\"minimumAge\": 25, \"recruitmentClosesOn\": \"2026-12-18\"}")
        .statusCode(200)
        .header("ETag", "\"2\"");
    // a start date moved with the window in one change
    change(id, "\"2\"", "{\"startDate\": \"2026-12-15\", \"recruitmentClosesOn\": \"2026-12-14\"}")
        .statusCode(200)
        .header("ETag", "\"3\"");

    List<JsonNode> changed = CohortOutbox.events(entityManager, id, CHANGED);
    assertThat(changed)
        .extracting(data -> data.path("version").asLong())
        .containsExactly(1L, 2L, 3L);
    assertThat(changed.get(0).path("recruitmentOpensOn").asText()).isEqualTo("2026-11-30");
    assertThat(changed.get(0).path("recruitmentClosesOn").asText()).isEqualTo("2026-12-18");
    assertThat(changed.get(0).path("minimumAge").asInt()).isEqualTo(18);
    assertThat(changed.get(1).path("minimumAge").asInt()).isEqualTo(25);
    assertThat(changed.get(1).path("recruitmentClosesOn").asText()).isEqualTo("2026-12-18");
    assertThat(changed.get(2).path("startDate").asText()).isEqualTo("2026-12-15");
    assertThat(changed.get(2).path("recruitmentClosesOn").asText()).isEqualTo("2026-12-14");
    // every cohort-changed carries the whole window, also a change of capacity alone
    change(id, "\"3\"", "{\"capacity\": 22}").statusCode(200);
    JsonNode last = CohortOutbox.events(entityManager, id, CHANGED).get(3);
    assertThat(last.path("recruitmentOpensOn").asText()).isEqualTo("2026-11-30");
    assertThat(last.path("recruitmentClosesOn").asText()).isEqualTo("2026-12-14");
    assertThat(last.path("minimumAge").asInt()).isEqualTo(25);
  }

  @Test
  void aChangeBreakingTheWindowIs400NamingTheFieldAndChangesNothing() {
    String id =
        schedule(
                body(
                    "\"recruitmentOpensOn\": \"2026-12-01\", \"recruitmentClosesOn\":"
                        + " \"2026-12-20\""))
            .statusCode(201)
            .extract()
            .path("id");
    long outbox = outbox();
    record Bad(String body, String field) {}
    List<Bad> bad =
        List.of(
            // the start moved onto or before the closing day, the window left as it was
            new Bad("{\"startDate\": \"2026-12-20\"}", "startDate"),
            new Bad("{\"startDate\": \"2026-12-10\"}", "startDate"),
            new Bad("{\"recruitmentClosesOn\": \"2027-01-11\"}", "recruitmentClosesOn"),
            new Bad("{\"recruitmentClosesOn\": \"2026-11-30\"}", "recruitmentClosesOn"),
            new Bad("{\"recruitmentOpensOn\": \"2026-12-21\"}", "recruitmentOpensOn"),
            new Bad(
                "{\"startDate\": \"2027-02-01\", \"recruitmentClosesOn\": \"2027-02-01\"}",
                "recruitmentClosesOn"),
            new Bad("{\"recruitmentOpensOn\": null}", "recruitmentOpensOn"),
            new Bad("{\"recruitmentClosesOn\": null}", "recruitmentClosesOn"),
            new Bad("{\"minimumAge\": null}", "minimumAge"),
            new Bad("{\"minimumAge\": 15}", "minimumAge"),
            new Bad("{\"minimumAge\": 100}", "minimumAge"));
    for (Bad each : bad) {
      change(id, "\"0\"", each.body())
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", hasItem(each.field()));
    }
    Api.as("site-staff-fr")
        .get(COHORTS + "/" + id)
        .then()
        .header("ETag", "\"0\"")
        .body("startDate", equalTo("2027-01-11"))
        .body("recruitmentOpensOn", equalTo("2026-12-01"))
        .body("recruitmentClosesOn", equalTo("2026-12-20"))
        .body("minimumAge", equalTo(18));
    assertThat(outbox()).isEqualTo(outbox);
    // the start may move as long as recruitment still closes before it
    change(id, "\"0\"", "{\"startDate\": \"2026-12-21\"}").statusCode(200);
  }
}
