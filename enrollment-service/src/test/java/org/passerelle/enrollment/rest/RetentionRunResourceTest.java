package org.passerelle.enrollment.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.enrollment.service.RetentionService;
import org.passerelle.enrollment.testing.Callers;
import org.passerelle.enrollment.testing.Db;
import org.passerelle.enrollment.testing.Fixtures;
import org.passerelle.enrollment.testing.Person;

/** Retention runs over HTTP: administrators run a country's retention and see the runs. */
@QuarkusTest
class RetentionRunResourceTest {

  static final String RUNS = "/api/v1/retention-runs";

  @Inject EntityManager entityManager;
  @Inject DataSource dataSource;

  /** A new applicant at the country's site through staff; returns the application JSON. */
  private JsonNode applicant(String country) {
    Person person = Person.of(country);
    String staff = country.equals("FR") ? "site-staff-fr" : "site-staff-ma";
    return person.submit(staff, Fixtures.openIntake(entityManager, person.site()));
  }

  private static String applicantId(JsonNode application) {
    return application.path("applicant").path("id").asText();
  }

  private long runs() {
    return Api.count(entityManager, "select count(*) from retention_run");
  }

  @Test
  void aRunErasesExactlyTheDueApplicantsAndIsRecorded() {
    // FR keeps applicants 2 years after their last activity (P2Y), MA 1 year (P1Y).
    String due = applicantId(applicant("FR"));
    Db.age(entityManager, due, 30);
    JsonNode waitlisted = applicant("FR");
    String dueWaitlisted = applicantId(waitlisted);
    Db.execute(
        entityManager,
        "update application set status = 'WAITLISTED' where id = ?1",
        UUID.fromString(waitlisted.path("id").asText()));
    Db.age(entityManager, dueWaitlisted, 25);
    JsonNode enrolledApplication = applicant("FR");
    String enrolled = applicantId(enrolledApplication);
    Db.execute(
        entityManager,
        "update application set status = 'ENROLLED' where id = ?1",
        UUID.fromString(enrolledApplication.path("id").asText()));
    Db.age(entityManager, enrolled, 40);
    String recent = applicantId(applicant("FR"));
    Db.age(entityManager, recent, 20);
    // Old record, but one application changed recently: still active.
    Person returning = Person.of("FR");
    String active =
        applicantId(
            returning.submit("site-staff-fr", Fixtures.openIntake(entityManager, "FR-SEVRAN")));
    Db.age(entityManager, active, 30);
    returning.submit("site-staff-fr", Fixtures.openIntake(entityManager, "FR-SEVRAN"));
    Db.execute(
        entityManager,
        "update applicant set updated_at = now() - interval '30 months' where id = ?1",
        UUID.fromString(active));
    String moroccan = applicantId(applicant("MA"));
    Db.age(entityManager, moroccan, 30);

    OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC);
    String runId =
        Api.as("country-admin-fr")
            .body("{\"country\": \"FR\"}")
            .post(RUNS)
            .then()
            .statusCode(201)
            .header("Location", containsString(RUNS + "/"))
            .body("country", equalTo("FR"))
            .body("trigger", equalTo("MANUAL"))
            .body("status", equalTo("SUCCEEDED"))
            .body("erased", equalTo(2))
            .body("finishedAt", notNullValue())
            .body("error", equalTo(null))
            .extract()
            .path("id");
    assertThat(Db.erased(entityManager, due)).isTrue();
    assertThat(Db.erased(entityManager, dueWaitlisted)).isTrue();
    assertThat(Db.erased(entityManager, enrolled)).isFalse();
    assertThat(Db.erased(entityManager, recent)).isFalse();
    assertThat(Db.erased(entityManager, active)).isFalse();
    assertThat(Db.erased(entityManager, moroccan)).isFalse();
    // The waitlisted application was withdrawn first, so its place is given up.
    assertThat(
            Api.count(
                entityManager,
                "select count(*) from application where status = 'WITHDRAWN' and id = '"
                    + waitlisted.path("id").asText()
                    + "'"))
        .isEqualTo(1);
    OffsetDateTime cutoff =
        OffsetDateTime.parse(
            Api.as("platform-admin")
                .get(RUNS + "/" + runId)
                .then()
                .statusCode(200)
                .extract()
                .path("cutoff"));
    assertThat(cutoff)
        .isBetween(before.minusYears(2).minusMinutes(1), before.minusYears(2).plusMinutes(1));
    Api.as("country-admin-fr")
        .get(RUNS + "?status=SUCCEEDED&country=FR")
        .then()
        .statusCode(200)
        .body("items[0].id", equalTo(runId))
        .body("items.country", everyItem(equalTo("FR")));
    // The audit log says the retention job erased them.
    assertThat(
            Api.count(
                entityManager,
                "select count(*) from sensitive_data_access where action = 'ERASE'"
                    + " and actor = 'system:retention' and applicant_id = '"
                    + due
                    + "'"))
        .isEqualTo(1);
    // ... and its answers show that actor as a system, beside the deprecated string.
    Api.as("country-admin-fr")
        .get(SensitiveDataAccessResourceTest.LOG + "?action=ERASE&applicantId=" + due)
        .then()
        .statusCode(200)
        .body("items[0].actor", equalTo("system:retention"))
        .body("items[0].actedBy.type", equalTo("SYSTEM"))
        .body("items[0].actedBy.id", equalTo("retention"))
        .body("items[0].actedBy.displayName", equalTo("retention"));

    // Morocco's run erases its due applicant; running France again finds nothing more.
    Api.as("platform-admin")
        .body("{\"country\": \"MA\"}")
        .post(RUNS)
        .then()
        .statusCode(201)
        .body("erased", equalTo(1));
    assertThat(Db.erased(entityManager, moroccan)).isTrue();
    Api.as("country-admin-fr")
        .body("{\"country\": \"FR\"}")
        .post(RUNS)
        .then()
        .statusCode(201)
        .body("erased", equalTo(0))
        .body("status", equalTo("SUCCEEDED"));
  }

  @Test
  void aRunAlreadyGoingOnAnswers409() throws Exception {
    long before = runs();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?, ?)");
        PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
      lock.setInt(1, RetentionService.LOCK_CLASS);
      lock.setInt(2, RetentionService.lockKey("FR"));
      lock.execute();
      try {
        Api.as("platform-admin")
            .body("{\"country\": \"FR\"}")
            .post(RUNS)
            .then()
            .statusCode(409)
            .contentType("application/problem+json")
            .body("type", endsWith("/conflict"));
        // Another country is not blocked.
        Api.as("platform-admin").body("{\"country\": \"MA\"}").post(RUNS).then().statusCode(201);
      } finally {
        unlock.setInt(1, RetentionService.LOCK_CLASS);
        unlock.setInt(2, RetentionService.lockKey("FR"));
        unlock.execute();
      }
    }
    assertThat(runs()).isEqualTo(before + 1);
  }

  @Test
  void scopeMatrix() {
    Api.as("platform-admin").body("{\"country\": \"FR\"}").post(RUNS).then().statusCode(201);
    String moroccan =
        Api.as("country-admin-ma")
            .body("{\"country\": \"MA\"}")
            .post(RUNS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Map<String, Integer> starts = new LinkedHashMap<>();
    starts.put("platform-admin", 201);
    starts.put("country-admin-fr", 201);
    starts.put("country-admin-ma", 403);
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
      starts.put(other, 403);
    }
    assertThat(starts.keySet()).containsExactlyInAnyOrderElementsOf(Callers.ALL);
    starts.forEach(
        (caller, status) -> {
          long before = runs();
          Callers.as(caller).body("{\"country\": \"FR\"}").post(RUNS).then().statusCode(status);
          assertThat(runs()).as(caller).isEqualTo(before + (status == 201 ? 1 : 0));
          Callers.as(caller)
              .get(RUNS)
              .then()
              .statusCode(status == 201 || caller.equals("country-admin-ma") ? 200 : 403);
        });
    Api.as("platform-admin")
        .get(RUNS + "?size=100")
        .then()
        .statusCode(200)
        .body("items.country", hasItems("FR", "MA"));
    Api.as("country-admin-fr")
        .get(RUNS + "?size=100")
        .then()
        .statusCode(200)
        .body("items.country", everyItem(equalTo("FR")));
    Api.as("country-admin-fr")
        .get(RUNS + "?country=MA")
        .then()
        .statusCode(200)
        .body("total", equalTo(0));
    Api.as("country-admin-ma")
        .get(RUNS + "?size=100")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(moroccan))
        .body("items.country", everyItem(equalTo("MA")));
    Api.as("country-admin-fr").get(RUNS + "/" + moroccan).then().statusCode(404);
    Api.as("country-admin-ma").get(RUNS + "/" + moroccan).then().statusCode(200);
    Api.as("site-staff-ma").get(RUNS + "/" + moroccan).then().statusCode(403);
  }

  @Test
  void badInputIsRefusedAndStartsNothing() {
    long before = runs();
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("malformed", "{\"country\": ");
    bodies.put("wrong type", "{\"country\": 33}");
    bodies.put("missing country", "{}");
    bodies.put("not a code", "{\"country\": \"France\"}");
    bodies.put("not configured", "{\"country\": \"DE\"}");
    bodies.put("lower case", "{\"country\": \"fr\"}");
    bodies.put("unknown field", "{\"country\": \"FR\", \"dryRun\": true}");
    bodies.put("oversize", "{\"country\": \"" + "F".repeat(5000) + "\"}");
    bodies.put("array", "[\"FR\"]");
    bodies.forEach(
        (name, body) -> {
          int status =
              Api.as("platform-admin")
                  .body(body)
                  .post(RUNS)
                  .then()
                  .contentType("application/problem+json")
                  .extract()
                  .statusCode();
          assertThat(status).as(name).isEqualTo(400);
        });
    Api.as("platform-admin").post(RUNS).then().statusCode(400);
    assertThat(runs()).isEqualTo(before);
    for (String query :
        new String[] {"?status=DONE", "?country=fra", "?size=101", "?size=0", "?page=-1"}) {
      Api.as("platform-admin")
          .get(RUNS + query)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    // A value that is not even a number: the framework's answer to unconvertible parameters.
    int status =
        Api.as("platform-admin")
            .get(RUNS + "?page=x")
            .then()
            .contentType("application/problem+json")
            .extract()
            .statusCode();
    assertThat(status).isBetween(400, 404);
    Api.as("platform-admin")
        .get(RUNS + "/not-a-uuid")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    Api.as("platform-admin")
        .get(RUNS + "/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
