package org.passerelle.cohort.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.events.CohortOutbox;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.cohort.testing.Partners;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.BrokerEvents;

/**
 * A cohort's funders name partners (ADR 0020): only partners cohort-service learned from
 * partnership-service in the cohort's country; shown in the cohort and sent in its events beside
 * the funders' names; anything else refused with nothing written.
 */
@QuarkusTest
class CohortFunderPartnersTest {

  private static final String COHORTS = CohortResourceTest.COHORTS;

  @Inject EntityManager entityManager;

  private static String schedule(String more) {
    return """
        {"programmeCode": "WEB-DEV", "siteCode": "FR-SEVRAN", "startDate": "2027-03-01",
         "endDate": "2027-09-30", "capacity": 20%s}
        """
        .formatted(more);
  }

  private static String ids(UUID... ids) {
    return Arrays.stream(ids)
        .map(id -> "\"" + id + "\"")
        .collect(Collectors.joining(",", "[", "]"));
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

  private List<JsonNode> events(String id, String type) {
    return CohortOutbox.events(entityManager, id, type);
  }

  private static List<String> strings(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  @Test
  void funderPartnersAreKeptShownAndSentBesideTheNames() {
    UUID region = Partners.known("FR");
    UUID foundation = Partners.known("FR");
    String id =
        Api.as("site-staff-fr")
            .header("Idempotency-Key", "funders-" + UUID.randomUUID())
            .body(
                schedule(
                    ", \"funders\": [\"Région Île-de-France\", \"Fondation\"],"
                        + " \"funderPartnerIds\": "
                        + ids(region, foundation)))
            .post(COHORTS)
            .then()
            .statusCode(201)
            .body("funders", contains("Région Île-de-France", "Fondation"))
            .body("funderPartnerIds", contains(region.toString(), foundation.toString()))
            .extract()
            .path("id");
    Api.as("country-admin-fr")
        .get(COHORTS + "/" + id)
        .then()
        .statusCode(200)
        .body("funderPartnerIds", contains(region.toString(), foundation.toString()));
    JsonNode scheduled = events(id, CohortOutbox.SCHEDULED).getFirst();
    assertThat(strings(scheduled.path("funderPartnerIds")))
        .containsExactly(region.toString(), foundation.toString());
    assertThat(strings(scheduled.path("funders")))
        .containsExactly("Région Île-de-France", "Fondation");

    // a list sent replaces the whole list, the same list changes nothing, null empties it
    change(id, "\"0\"", "{\"funderPartnerIds\": " + ids(foundation) + "}")
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("funderPartnerIds", contains(foundation.toString()))
        .body("funders", contains("Région Île-de-France", "Fondation"));
    change(id, "\"1\"", "{\"funderPartnerIds\": " + ids(foundation) + "}")
        .statusCode(200)
        .header("ETag", "\"1\"");
    change(id, "\"1\"", "{\"funderPartnerIds\": null}")
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("funderPartnerIds", empty());
    assertThat(events(id, CohortOutbox.CHANGED))
        .extracting(e -> strings(e.path("funderPartnerIds")))
        .containsExactly(List.of(foundation.toString()), List.of());

    // left out: none
    Api.as("site-staff-fr")
        .header("Idempotency-Key", "funders-" + UUID.randomUUID())
        .body(schedule(""))
        .post(COHORTS)
        .then()
        .statusCode(201)
        .body("funderPartnerIds", empty());
  }

  @Test
  void funderPartnersChangeWhileTheCohortRunsAndTravelInItsStartAndCompletion() {
    UUID partner = Partners.known("FR");
    String ended =
        Cohorts.cohort(
                "FR-SEVRAN", "WEB-DEV", CohortStatus.RECRUITING, 5, LocalDate.now().minusWeeks(13))
            .toString();
    Cohorts.learners(UUID.fromString(ended), LearnerStatus.ENROLLED, 1);
    Api.as("site-staff-fr").post(COHORTS + "/" + ended + "/start").then().statusCode(200);
    change(ended, "\"1\"", "{\"funderPartnerIds\": " + ids(partner) + "}")
        .statusCode(200)
        .body("status", equalTo("RUNNING"))
        .body("funderPartnerIds", contains(partner.toString()));
    Api.as("site-staff-fr").post(COHORTS + "/" + ended + "/complete").then().statusCode(200);

    assertThat(events(ended, CohortOutbox.STARTED))
        .singleElement()
        .satisfies(e -> assertThat(strings(e.path("funderPartnerIds"))).isEmpty());
    assertThat(events(ended, CohortOutbox.CHANGED))
        .singleElement()
        .satisfies(
            e ->
                assertThat(strings(e.path("funderPartnerIds")))
                    .containsExactly(partner.toString()));
    assertThat(events(ended, CohortOutbox.COMPLETED))
        .singleElement()
        .satisfies(
            e ->
                assertThat(strings(e.path("funderPartnerIds")))
                    .containsExactly(partner.toString()));
    // once completed, nothing changes any more
    change(ended, "\"3\"", "{\"funderPartnerIds\": []}").statusCode(409);
  }

  @Test
  void unknownPartnersPartnersOfAnotherCountryAndRepeatsAreRefusedWithNothingWritten() {
    UUID known = Partners.known("FR");
    UUID moroccan = Partners.known("MA");
    UUID unknown = UUID.randomUUID();
    long before = cohorts();
    Api.as("site-staff-fr")
        .header("Idempotency-Key", "funders-" + UUID.randomUUID())
        .body(schedule(", \"funderPartnerIds\": " + ids(known, unknown, moroccan, known)))
        .post(COHORTS)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body(
            "errors.field",
            contains("funderPartnerIds[1]", "funderPartnerIds[2]", "funderPartnerIds[3]"))
        .body("errors[0].message", containsString(unknown.toString()))
        .body("errors[0].message", containsString("partnership-service"))
        .body("errors[1].message", containsString(moroccan.toString()));
    assertThat(cohorts()).isEqualTo(before);

    String id =
        Api.as("site-staff-fr")
            .header("Idempotency-Key", "funders-" + UUID.randomUUID())
            .body(schedule(", \"funderPartnerIds\": " + ids(known)))
            .post(COHORTS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    for (UUID[] bad :
        List.of(new UUID[] {unknown}, new UUID[] {known, moroccan}, new UUID[] {known, known})) {
      change(id, "\"0\"", "{\"funderPartnerIds\": " + ids(bad) + ", \"capacity\": 25}")
          .statusCode(422)
          .contentType("application/problem+json")
          .body("errors.field", contains("funderPartnerIds[" + (bad.length - 1) + "]"));
    }
    Api.as("site-staff-fr")
        .get(COHORTS + "/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("capacity", equalTo(20))
        .body("funderPartnerIds", contains(known.toString()));
    assertThat(events(id, CohortOutbox.CHANGED)).isEmpty();
    // a Moroccan cohort takes its own country's partner, not the French one
    Api.as("site-staff-ma")
        .header("Idempotency-Key", "funders-" + UUID.randomUUID())
        .body(
            schedule(", \"funderPartnerIds\": " + ids(moroccan, known))
                .replace("FR-SEVRAN", "MA-FES"))
        .post(COHORTS)
        .then()
        .statusCode(422)
        .body("errors.field", contains("funderPartnerIds[1]"));
  }

  @Test
  void anInactivePartnerFundsNoNewCohortAndTheCohortsItFundsKeepIt() {
    UUID active = Partners.known("FR");
    UUID ending = Partners.known("FR");
    String funded =
        Api.as("site-staff-fr")
            .header("Idempotency-Key", "funders-" + UUID.randomUUID())
            .body(schedule(", \"funderPartnerIds\": " + ids(ending)))
            .post(COHORTS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    // partnership-service ends the partnership: its partner-changed, through the broker
    Partners.sendAndAwait(
        List.of(
            Partners.changed(
                UUID.randomUUID(), ending, "FR", "Fondation Numérique", "INACTIVE", 1)));

    long before = cohorts();
    Api.as("site-staff-fr")
        .header("Accept-Language", "en")
        .header("Idempotency-Key", "funders-" + UUID.randomUUID())
        .body(schedule(", \"funderPartnerIds\": " + ids(active, ending)))
        .post(COHORTS)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", contains("funderPartnerIds[1]"))
        .body("errors[0].message", containsString(ending.toString()))
        .body("errors[0].message", containsString("inacti"));
    assertThat(cohorts()).isEqualTo(before);

    // nor is it added to a cohort it did not fund; nothing written
    String other = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN");
    change(other, "\"0\"", "{\"funderPartnerIds\": " + ids(ending) + ", \"capacity\": 25}")
        .statusCode(422)
        .body("errors.field", contains("funderPartnerIds[0]"));
    Api.as("site-staff-fr")
        .get(COHORTS + "/" + other)
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("funderPartnerIds", empty());

    // the cohort it funded keeps it, through any change of its funders
    change(funded, "\"0\"", "{\"funderPartnerIds\": " + ids(ending, active) + "}")
        .statusCode(200)
        .body("funderPartnerIds", contains(ending.toString(), active.toString()));

    // active again (a newer version): it may fund new cohorts again
    Partners.sendAndAwait(
        List.of(
            Partners.changed(UUID.randomUUID(), ending, "FR", "Fondation Numérique", "ACTIVE", 2)));
    change(other, "\"0\"", "{\"funderPartnerIds\": " + ids(ending) + "}")
        .statusCode(200)
        .body("funderPartnerIds", contains(ending.toString()));
  }

  @Test
  void aPartnerRegisteredAMomentAgoIsRefusedUntilLearnedAndTheSameRetryThenPasses() {
    UUID partner = UUID.randomUUID();
    String key = "funders-" + UUID.randomUUID();
    String body = schedule(", \"funderPartnerIds\": " + ids(partner));
    long before = cohorts();
    Api.as("site-staff-fr")
        .header("Idempotency-Key", key)
        .body(body)
        .post(COHORTS)
        .then()
        .statusCode(422)
        .body("errors.field", contains("funderPartnerIds[0]"));
    assertThat(cohorts()).isEqualTo(before);

    BrokerEvents.send(Partners.registered(UUID.randomUUID(), partner, partner, "FR"));
    Partners.awaitKnown(partner);
    // the refused attempt left its key free: the client's retry runs for real
    Api.as("site-staff-fr")
        .header("Idempotency-Key", key)
        .body(body)
        .post(COHORTS)
        .then()
        .statusCode(201)
        .body("funderPartnerIds", contains(partner.toString()));
    assertThat(cohorts()).isEqualTo(before + 1);
  }

  @Test
  void funderPartnerIdsAreBounded() {
    UUID partner = Partners.known("FR");
    String tooMany =
        IntStream.range(0, 21)
            .mapToObj(i -> "\"" + UUID.randomUUID() + "\"")
            .collect(Collectors.joining(",", "[", "]"));
    String id = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN");
    long before = cohorts();
    for (String bad :
        List.of(tooMany, "[\"" + partner + "\", null]", "[\"not-a-uuid\"]", "\"x\"")) {
      Api.as("site-staff-fr")
          .header("Idempotency-Key", "funders-" + UUID.randomUUID())
          .body(schedule(", \"funderPartnerIds\": " + bad))
          .post(COHORTS)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", hasItem(startsWith("funderPartnerIds")));
      change(id, "\"0\"", "{\"funderPartnerIds\": " + bad + "}")
          .statusCode(400)
          .body("errors.field", hasItem(startsWith("funderPartnerIds")));
    }
    assertThat(cohorts()).isEqualTo(before);
  }
}
