package org.passerelle.placement.rest;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.StrictInput;
import org.passerelle.commons.testing.StrictInput.Call;

/** Placements and follow-ups read only well-formed JSON bodies and numeric pages. */
@QuarkusTest
class PlacementStrictInputTest {

  private static final String GOOD =
      "{\"learnerId\": \""
          + UUID.randomUUID()
          + "\", \"situation\": \"EMPLOYED\", \"contractType\": \"CDI\", \"employerName\":"
          + " \"Atelier Web\"}";

  @Inject EntityManager entityManager;

  @Test
  void onlyWellFormedJsonBodiesAndNumericPagesAreRead() {
    Call record = StrictInput.post("site-staff-fr", "/api/v1/placements");
    Call answer =
        StrictInput.post("site-staff-fr", "/api/v1/follow-ups/" + UUID.randomUUID() + "/situation");

    StrictInput.writesNothing(
        // placements and follow-ups also come from other services' events, at any time: what a
        // refused request could have written is announced in the outbox in the same transaction
        () -> StrictInput.rows(entityManager, "outbox_event"),
        () -> {
          record.refusesMediaTypes(GOOD, "text/plain", "application/xml");
          record.refusesWithoutContentType(GOOD);
          record.refusesTrailingContent(GOOD, " {}");
          record.refusesDuplicateKey(
              GOOD.replace(
                  "\"contractType\": \"CDI\"",
                  "\"contractType\": \"CDI\", \"contractType\": \"CDD\""),
              "contractType");
          record.refusesLoneSurrogate(
              GOOD.replace("Atelier Web", "Atelier Web\\ud800"), "employerName");
          answer.refusesTrailingContent("{\"situation\": \"JOB_SEEKING\"}", " {}");
          StrictInput.refusesBadPages("site-staff-fr", "/api/v1/placements");
          StrictInput.refusesBadPages("site-staff-fr", "/api/v1/follow-ups");
        });
  }
}
