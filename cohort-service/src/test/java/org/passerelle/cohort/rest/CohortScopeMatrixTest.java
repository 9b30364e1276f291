package org.passerelle.cohort.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.events.CohortOutbox;
import org.passerelle.cohort.testing.Cohorts;

/**
 * Each role and country against reading, listing, starting and completing a cohort at FR-SEVRAN
 * (OWASP API1): allowed, 404 (outside the scope, as if it did not exist), 403 (a role that never
 * may), and a list that shows it or not. A refused call changes nothing and emits nothing.
 */
@QuarkusTest
class CohortScopeMatrixTest {

  private static final String COHORTS = CohortResourceTest.COHORTS;

  @Inject EntityManager entityManager;

  private String status(UUID id) {
    return (String)
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createNativeQuery("select status from cohort where id = ?1")
                        .setParameter(1, id)
                        .getSingleResult());
  }

  @ParameterizedTest(name = "{0}: read {1}, list {2}, start {3}, complete {4}")
  @CsvSource({
    "platform-admin,   200, 200, 200, 200",
    "country-admin-fr, 200, 200, 200, 200",
    "country-admin-ma, 404, 200, 404, 404",
    "site-staff-fr,    200, 200, 200, 200",
    "site-staff-ma,    404, 200, 404, 404",
    "learner-fr,       403, 403, 403, 403",
    "learner-ma,       403, 403, 403, 403",
    "partner-fr,       403, 403, 403, 403",
    "partner-ma,       403, 403, 403, 403",
    "integration-fr,   200, 200, 403, 403",
    "integration-ma,   404, 200, 403, 403",
  })
  void eachRoleAndCountryGetsWhatItsScopeAllows(
      String caller, int read, int list, int start, int complete) {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    UUID recruiting = Cohorts.cohort("FR-SEVRAN", "WEB-DEV", CohortStatus.RECRUITING, 20, today);
    UUID ended =
        Cohorts.cohort("FR-SEVRAN", "WEB-DEV", CohortStatus.RUNNING, 20, today.minusWeeks(12));

    ReferenceDataResourceTest.as(caller).get(COHORTS + "/" + recruiting).then().statusCode(read);

    var listed =
        ReferenceDataResourceTest.as(caller)
            .queryParam("startFrom", today.toString())
            .queryParam("startTo", today.toString())
            .queryParam("size", 100)
            .get(COHORTS)
            .then()
            .statusCode(list);
    if (list == 200) {
      listed.body(
          "items.id",
          read == 200 ? hasItem(recruiting.toString()) : not(hasItem(recruiting.toString())));
    }

    ReferenceDataResourceTest.as(caller)
        .post(COHORTS + "/" + recruiting + "/start")
        .then()
        .statusCode(start);
    assertThat(status(recruiting)).isEqualTo(start == 200 ? "RUNNING" : "RECRUITING");
    assertThat(CohortOutbox.count(entityManager, recruiting.toString()))
        .isEqualTo(start == 200 ? 1 : 0);

    ReferenceDataResourceTest.as(caller)
        .post(COHORTS + "/" + ended + "/complete")
        .then()
        .statusCode(complete);
    assertThat(status(ended)).isEqualTo(complete == 200 ? "COMPLETED" : "RUNNING");
    assertThat(CohortOutbox.count(entityManager, ended.toString()))
        .isEqualTo(complete == 200 ? 1 : 0);
  }
}
