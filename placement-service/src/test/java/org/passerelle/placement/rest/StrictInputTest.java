package org.passerelle.placement.rest;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.StrictInput;
import org.passerelle.commons.testing.StrictInput.Call;

/**
 * The commons rules for reading requests hold here too (issue 13), checked by {@link StrictInput}:
 * here for publishing a job offer, and the parked events' list as this service's only list.
 */
@QuarkusTest
class StrictInputTest {

  private static final String GOOD =
      "{\"employerName\": \"Atelier Web\", \"title\": \"Développeur·se web junior\", \"contractType\": \"CDI\", \"siteCode\": \"FR-SEVRAN\", \"city\": \"Sevran\", \"openings\": 2}";
  private static final String DEAD_LETTERS = "/api/v1/event-consumers/placement/dead-letters";

  @Inject EntityManager entityManager;

  @Test
  void onlyWellFormedJsonBodiesAndNumericPagesAreRead() {
    Call publish = StrictInput.post("site-staff-fr", "/api/v1/job-offers");

    StrictInput.writesNothing(
        () -> StrictInput.rows(entityManager, "job_offer", "outbox_event"),
        () -> {
          publish.refusesMediaTypes(GOOD, "text/plain", "application/xml");
          publish.refusesWithoutContentType(GOOD);
          publish.refusesTrailingContent(GOOD, " {}");
          publish.refusesDuplicateKey(
              GOOD.replace("\"openings\": 2", "\"openings\": 2, \"openings\": 3"), "openings");
          publish.refusesLoneSurrogate(
              GOOD.replace("Atelier Web", "Atelier Web\\ud800"), "employerName");
          StrictInput.refusesBadPages("platform-admin", DEAD_LETTERS);
        });
  }
}
