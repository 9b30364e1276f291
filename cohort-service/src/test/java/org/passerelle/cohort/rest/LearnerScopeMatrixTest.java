package org.passerelle.cohort.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.events.CohortOutbox;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.cohort.testing.Learners;

/**
 * Every role against every learner endpoint, on a cohort in and out of its scope (DESIGN §5): out
 * of scope is 404, a role that may not write is 403, and nothing changes on the way. In scope, the
 * writes are made to fail on a later rule (stale If-Match, no seat left, another programme), which
 * proves the scope let them through without changing anything either.
 */
@QuarkusTest
class LearnerScopeMatrixTest {

  private static final LocalDate LATER = LocalDate.now().plusMonths(2);
  private static final String ANONYMOUS = "anonymous";

  @Inject EntityManager entityManager;

  /** The cohorts each caller reads; staff write in the same. */
  private static final Map<String, Set<String>> READS =
      Map.ofEntries(
          Map.entry("platform-admin", Set.of("FR-SEVRAN", "FR-CERGY")),
          Map.entry("country-admin-fr", Set.of("FR-SEVRAN", "FR-CERGY")),
          Map.entry("country-admin-ma", Set.of()),
          Map.entry("site-staff-fr", Set.of("FR-SEVRAN")),
          Map.entry("site-staff-ma", Set.of()),
          Map.entry("integration-fr", Set.of("FR-SEVRAN", "FR-CERGY")),
          Map.entry("integration-ma", Set.of()),
          Map.entry("partner-fr", Set.of()),
          Map.entry("partner-ma", Set.of()),
          Map.entry("learner-fr", Set.of()),
          Map.entry("learner-ma", Set.of()),
          Map.entry(ANONYMOUS, Set.of()));

  private static final Set<String> STAFF =
      Set.of(
          "platform-admin",
          "country-admin-fr",
          "country-admin-ma",
          "site-staff-fr",
          "site-staff-ma");
  private static final Set<String> READERS =
      Set.of(
          "platform-admin",
          "country-admin-fr",
          "country-admin-ma",
          "site-staff-fr",
          "site-staff-ma",
          "integration-fr",
          "integration-ma");

  private record Site(String code, UUID cohort, UUID learner, UUID otherProgramme) {}

  private static RequestSpecification as(String caller) {
    return caller.equals(ANONYMOUS) ? given().contentType("application/json") : Learners.as(caller);
  }

  private static Site site(String code) {
    UUID cohort = Cohorts.cohort(code, "WEB-DEV", CohortStatus.RECRUITING, 1, LATER);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ENROLLED, 1).getFirst();
    UUID otherProgramme = Cohorts.cohort(code, "DATA-ANALYST", CohortStatus.RECRUITING, 5, LATER);
    return new Site(code, cohort, learner, otherProgramme);
  }

  /** What the caller gets: 401 without a token, 403 for a role not allowed, 404 out of scope. */
  private static int expected(String caller, Site site, boolean write, int inScope) {
    if (caller.equals(ANONYMOUS)) {
      return 401;
    }
    if (!(write ? STAFF : READERS).contains(caller)) {
      return 403;
    }
    return READS.get(caller).contains(site.code()) ? inScope : 404;
  }

  @Test
  void everyRoleOnEveryEndpointInAndOutOfScope() {
    List<Site> sites = List.of(site("FR-SEVRAN"), site("FR-CERGY"));
    List<String> failures = new ArrayList<>();
    for (String caller : READS.keySet()) {
      for (Site site : sites) {
        UUID newcomer = UUID.randomUUID();
        check(
            failures,
            caller + " lists " + site.code(),
            expected(caller, site, false, 200),
            as(caller).get(Learners.path(site.cohort())).statusCode());
        check(
            failures,
            caller + " reads a learner at " + site.code(),
            expected(caller, site, false, 200),
            as(caller).get(Learners.path(site.cohort(), site.learner())).statusCode());
        check(
            failures,
            caller + " withdraws at " + site.code(),
            expected(caller, site, true, 412),
            as(caller)
                .header("If-Match", "\"99\"")
                .body("{\"exitReason\": \"OTHER\", \"comment\": \"matrix\"}")
                .post(Learners.path(site.cohort(), site.learner()) + "/withdraw")
                .statusCode());
        check(
            failures,
            caller + " enrols at " + site.code(),
            expected(caller, site, true, 409),
            as(caller)
                .body(
                    "{\"learners\": [{\"learnerId\": \"%s\", \"applicationId\": \"%s\"}]}"
                        .formatted(newcomer, Cohorts.application(site.cohort(), newcomer)))
                .post(Learners.path(site.cohort()))
                .statusCode());
        check(
            failures,
            caller + " transfers from " + site.code(),
            expected(caller, site, true, 422),
            as(caller)
                .body(
                    "{\"toCohortId\": \"%s\", \"learnerIds\": [\"%s\"]}"
                        .formatted(site.otherProgramme(), site.learner()))
                .post(Learners.path(site.cohort()) + "/transfer")
                .statusCode());
      }
    }
    assertThat(failures).isEmpty();
    for (Site site : sites) {
      assertThat(Learners.rows(site.cohort()))
          .singleElement()
          .satisfies(
              row -> {
                assertThat(row.status).isEqualTo(LearnerStatus.ENROLLED);
                assertThat(row.version).isZero();
              });
      assertThat(Learners.rows(site.otherProgramme())).isEmpty();
      assertThat(CohortOutbox.count(entityManager, site.cohort().toString())).isZero();
    }
  }

  @Test
  void integrationsReadWithoutStaffsComments() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 3);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    Learners.as("site-staff-fr")
        .body("{\"exitReason\": \"EXCLUDED\", \"comment\": \"Violent incident on 3 May\"}")
        .post(Learners.path(cohort, learner) + "/withdraw")
        .then()
        .statusCode(200);
    String single =
        Learners.as("integration-fr")
            .get(Learners.path(cohort, learner))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String list =
        Learners.as("integration-fr").get(Learners.path(cohort)).then().extract().asString();
    assertThat(single).contains("EXCLUDED").doesNotContain("Violent");
    assertThat(list).contains("EXCLUDED").doesNotContain("Violent");
    assertThat(
            Learners.as("country-admin-fr")
                .get(Learners.path(cohort, learner))
                .then()
                .extract()
                .asString())
        .contains("Violent");
  }

  private static void check(List<String> failures, String what, int expected, int actual) {
    if (expected != actual) {
      failures.add(what + ": expected " + expected + ", got " + actual);
    }
  }
}
