package org.passerelle.cohort.rest;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.StrictInput;
import org.passerelle.commons.testing.StrictInput.Call;

/**
 * The commons rules for reading requests hold here too (issue 13), checked by {@link StrictInput}:
 * here for scheduling a cohort and for changing one, which takes merge patch too.
 */
@QuarkusTest
class StrictInputTest {

  private static final String COHORTS = CohortResourceTest.COHORTS;

  @Inject EntityManager entityManager;

  @Test
  void onlyWellFormedBodiesOfADeclaredMediaTypeAndNumericPagesAreRead() {
    String id = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN");
    String good = CohortResourceTest.body("WEB-DEV", "FR-SEVRAN", "2027-01-11", "2027-06-25", 20);
    String change = "{\"capacity\": 21}";
    Call schedule = StrictInput.post("site-staff-fr", COHORTS);
    Call modify =
        StrictInput.patch(
            "site-staff-fr",
            COHORTS + "/" + id,
            request ->
                request.contentType("application/merge-patch+json").header("If-Match", "\"0\""));

    StrictInput.writesNothing(
        this::written,
        () -> {
          schedule.refusesMediaTypes(good, "text/plain");
          modify.refusesMediaTypes(change, "application/xml");
          schedule.refusesWithoutContentType(good);
          modify.refusesWithoutContentType(change);

          schedule.refusesTrailingContent(good, " []");
          schedule.refusesDuplicateKey(
              good.replace("\"capacity\": 20", "\"capacity\": 20, \"capacity\": 30"), "capacity");
          modify.refusesLoneSurrogate("{\"trainers\": [\"Ana\\udc00\"]}", "trainers[0]");

          StrictInput.refusesBadPages("site-staff-fr", COHORTS);
        });
    Api.as("site-staff-fr")
        .get(COHORTS + "/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("capacity", equalTo(20));
  }

  private Object written() {
    return StrictInput.rows(entityManager, "cohort", "outbox_event");
  }
}
