package org.passerelle.cohort.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.passerelle.cohort.rest.AttendanceDays.COHORTS;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;

/**
 * Every role against every attendance endpoint, for a cohort at each of three sites: in scope the
 * answer, out of scope 404 (and nothing written), the wrong role 403, no token 401.
 */
@QuarkusTest
class AttendanceScopeTest {

  @Inject EntityManager entityManager;

  private record Site(UUID cohort, List<UUID> learners, LocalDate day) {}

  /** Which sites' cohorts each caller reaches (reads; writes too unless an integration). */
  private static final Map<String, Set<String>> REACH = new LinkedHashMap<>();

  static {
    REACH.put("platform-admin", Set.of("FR-SEVRAN", "FR-CERGY", "MA-FES"));
    REACH.put("country-admin-fr", Set.of("FR-SEVRAN", "FR-CERGY"));
    REACH.put("country-admin-ma", Set.of("MA-FES"));
    REACH.put("site-staff-fr", Set.of("FR-SEVRAN"));
    REACH.put("site-staff-ma", Set.of("MA-FES"));
    REACH.put("integration-fr", Set.of("FR-SEVRAN", "FR-CERGY"));
    REACH.put("integration-ma", Set.of("MA-FES"));
    REACH.put("partner-fr", Set.of());
    REACH.put("learner-fr", Set.of());
    REACH.put("learner-ma", Set.of());
    REACH.put("anonymous", Set.of());
  }

  private static RequestSpecification as(String caller) {
    if (caller.equals("anonymous")) {
      return given().contentType(ContentType.JSON);
    }
    if (caller.startsWith("integration-")) {
      return given()
          .header("Authorization", "Bearer " + Tokens.ofClient(caller))
          .contentType(ContentType.JSON);
    }
    return Api.as(caller);
  }

  private static boolean staff(String caller) {
    return caller.equals("platform-admin")
        || caller.startsWith("country-admin-")
        || caller.startsWith("site-staff-");
  }

  private String recordedBy(UUID cohort, LocalDate day) {
    return AttendanceDays.get("platform-admin", cohort + "/attendance/" + day)
        .extract()
        .path("records[0].recordedBy");
  }

  @Test
  void everyRoleAgainstEveryEndpoint() {
    Map<String, Site> sites = new LinkedHashMap<>();
    for (String code : List.of("FR-SEVRAN", "FR-CERGY", "MA-FES")) {
      UUID cohort = Cohorts.running(code, 10);
      List<UUID> learners = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 2);
      LocalDate day = LocalDate.now().minusDays(7);
      AttendanceDays.of(learners)
          .set(learners.get(0), "UNEXCUSED_ABSENCE", "left a message")
          .put("platform-admin", cohort, day)
          .statusCode(200);
      sites.put(code, new Site(cohort, learners, day));
    }
    String admin = Tokens.subject("platform-admin");

    REACH.forEach(
        (caller, reach) ->
            sites.forEach(
                (code, site) -> {
                  boolean reads = reach.contains(code);
                  int denied =
                      caller.equals("anonymous")
                          ? 401
                          : caller.startsWith("partner-") || caller.startsWith("learner-")
                              ? 403
                              : 404;
                  int read = reads ? 200 : denied;
                  String base = COHORTS + "/" + site.cohort();
                  for (String path :
                      List.of(
                          "/attendance",
                          "/attendance/" + site.day(),
                          "/attendance/learners/" + site.learners().get(0),
                          "/at-risk-learners")) {
                    var answer = as(caller).get(base + path).then().statusCode(read);
                    // a request with no token is refused before it reaches the API (no body)
                    if (read == 403 || read == 404) {
                      answer.contentType("application/problem+json");
                    }
                  }
                  if (reads) {
                    // integrations read the facts, never staff's comments
                    boolean comments = staff(caller);
                    var day = as(caller).get(base + "/attendance/" + site.day()).then();
                    var learner =
                        as(caller)
                            .get(base + "/attendance/learners/" + site.learners().get(0))
                            .then();
                    if (comments) {
                      day.body("records.comment", hasItem("left a message"));
                      learner.body(
                          "days[0].comment", org.hamcrest.Matchers.equalTo("left a message"));
                    } else {
                      day.body("records.comment", everyItem(nullValue()));
                      learner.body("days[0].comment", nullValue());
                    }
                  }

                  // writing: staff in scope only; the day is left as it was otherwise
                  int write = caller.startsWith("integration-") ? 403 : reads ? 200 : denied;
                  String body =
                      AttendanceDays.of(site.learners())
                          .set(site.learners().get(0), "UNEXCUSED_ABSENCE", "left a message")
                          .json();
                  as(caller)
                      .body(body)
                      .put(base + "/attendance/" + site.day())
                      .then()
                      .statusCode(write);
                  String by = recordedBy(site.cohort(), site.day());
                  if (write == 200) {
                    assertThat(by).isEqualTo(Tokens.subject(caller));
                    // put the day back as the admin recorded it
                    as("platform-admin").body(body).put(base + "/attendance/" + site.day());
                  } else {
                    assertThat(by).as(caller + " on " + code).isEqualTo(admin);
                  }
                }));
  }
}
