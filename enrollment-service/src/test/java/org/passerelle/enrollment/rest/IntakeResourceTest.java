package org.passerelle.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.events.KafkaClients;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.enrollment.handlers.CohortEventsTest;

/** Intakes are read by staff within their scope only (OWASP API1), lists included. */
@QuarkusTest
class IntakeResourceTest {

  private static final String INTAKES = "/api/v1/intakes";

  @Inject KafkaClients kafka;
  @Inject EntityManager entityManager;

  private UUID sevran;
  private UUID cergy;
  private UUID fes;

  @BeforeEach
  void threeIntakes() throws Exception {
    sevran = UUID.randomUUID();
    cergy = UUID.randomUUID();
    fes = UUID.randomUUID();
    try (KafkaProducer<String, byte[]> producer = kafka.producer("enrollment-test")) {
      producer.send(CohortEventsTest.scheduled(sevran, "FR-SEVRAN")).get();
      producer.send(CohortEventsTest.scheduled(cergy, "FR-CERGY")).get();
      producer.send(CohortEventsTest.scheduled(fes, "MA-FES")).get();
      producer
          .send(CohortEventsTest.changed(UUID.randomUUID(), fes, "MA-FES", 25, "RECRUITING", 1))
          .get();
    }
    String ids = "'%s', '%s', '%s'".formatted(sevran, cergy, fes);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                count("select count(*) from intake where id in (" + ids + ")") == 3
                    && count(
                            "select coalesce(max(cohort_version), -1) from intake where id = '"
                                + fes
                                + "'")
                        == 1);
  }

  private long count(String sql) {
    return Api.count(entityManager, sql);
  }

  private static RequestSpecification as(String user) {
    return user.startsWith("integration-")
        ? given().header("Authorization", "Bearer " + Tokens.ofClient(user))
        : Api.as(user);
  }

  /** Every intake the caller lists, page after page. */
  private static List<Map<String, Object>> listed(String user, Map<String, String> filters) {
    List<Map<String, Object>> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      List<Map<String, Object>> items =
          as(user)
              .queryParams(filters)
              .queryParam("page", page)
              .queryParam("size", 100)
              .get(INTAKES)
              .then()
              .statusCode(200)
              .extract()
              .path("items");
      if (items.isEmpty()) {
        return all;
      }
      all.addAll(items);
    }
  }

  private static List<String> ids(List<Map<String, Object>> intakes) {
    return intakes.stream().map(intake -> (String) intake.get("id")).toList();
  }

  private void assertSees(String user, List<UUID> visible, List<UUID> hidden) {
    for (UUID id : visible) {
      as(user).get(INTAKES + "/" + id).then().statusCode(200).body("id", equalTo(id.toString()));
    }
    for (UUID id : hidden) {
      as(user).get(INTAKES + "/" + id).then().statusCode(404);
    }
    List<String> listed = ids(listed(user, Map.of()));
    assertThat(listed).containsAll(visible.stream().map(UUID::toString).toList());
    for (UUID id : hidden) {
      assertThat(listed).doesNotContain(id.toString());
    }
  }

  @Test
  void siteStaffSeeTheirSitesOnly() {
    assertSees("site-staff-fr", List.of(sevran), List.of(cergy, fes));
    assertSees("site-staff-ma", List.of(fes), List.of(sevran, cergy));
    assertThat(listed("site-staff-fr", Map.of()))
        .allSatisfy(intake -> assertThat(intake.get("siteCode")).isEqualTo("FR-SEVRAN"));
    as("site-staff-ma")
        .get(INTAKES + "/" + sevran)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void countryAdminsAndIntegrationsSeeTheirCountry() {
    for (String user : List.of("country-admin-fr", "integration-fr")) {
      assertSees(user, List.of(sevran, cergy), List.of(fes));
      assertThat(listed(user, Map.of()))
          .allSatisfy(intake -> assertThat(intake.get("country")).isEqualTo("FR"));
    }
    for (String user : List.of("country-admin-ma", "integration-ma")) {
      assertSees(user, List.of(fes), List.of(sevran, cergy));
    }
    assertThat(listed("country-admin-fr", Map.of("country", "MA"))).isEmpty();
  }

  @Test
  void platformAdminsSeeEverythingAndFilter() {
    assertSees("platform-admin", List.of(sevran, cergy, fes), List.of());
    List<Map<String, Object>> cergyOnly = listed("platform-admin", Map.of("site", "FR-CERGY"));
    assertThat(ids(cergyOnly)).contains(cergy.toString()).doesNotContain(sevran.toString());
    assertThat(cergyOnly)
        .allSatisfy(intake -> assertThat(intake.get("siteCode")).isEqualTo("FR-CERGY"));
    List<Map<String, Object>> recruiting =
        listed("platform-admin", Map.of("country", "MA", "status", "RECRUITING"));
    assertThat(ids(recruiting)).contains(fes.toString());
    assertThat(recruiting)
        .allSatisfy(
            intake -> {
              assertThat(intake.get("country")).isEqualTo("MA");
              assertThat(intake.get("cohortStatus")).isEqualTo("RECRUITING");
            });
    as("platform-admin")
        .get(INTAKES + "/" + fes)
        .then()
        .header("ETag", "\"1\"")
        .body("capacity", equalTo(25))
        .body("cohortVersion", equalTo(1));
    as("platform-admin").get(INTAKES + "/" + UUID.randomUUID()).then().statusCode(404);
  }

  @Test
  void othersAreRefused() {
    for (String user : List.of("learner-fr", "partner-fr")) {
      as(user).get(INTAKES).then().statusCode(403);
      as(user).get(INTAKES + "/" + sevran).then().statusCode(403);
    }
    given().get(INTAKES).then().statusCode(401);
    given().get(INTAKES + "/" + sevran).then().statusCode(401);
  }

  @Test
  void badFiltersAre400Problems() {
    for (Map<String, Object> bad :
        List.<Map<String, Object>>of(
            Map.of("country", "XX"),
            Map.of("site", "fr sevran"),
            Map.of("status", "recruiting"),
            Map.of("size", 101),
            Map.of("size", 0),
            Map.of("page", -1))) {
      as("platform-admin")
          .queryParams(bad)
          .get(INTAKES)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    as("platform-admin").get(INTAKES + "/not-a-uuid").then().statusCode(404);
  }
}
