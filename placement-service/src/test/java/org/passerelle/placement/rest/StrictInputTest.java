package org.passerelle.placement.rest;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.StrictInput;
import org.passerelle.commons.testing.StrictInput.Call;
import org.passerelle.placement.testing.Learners;

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
  void jobOfferChangesAndCandidaciesReadOnlyWellFormedJson() {
    String offer = CandidacyResourceTest.offer(1);
    String learner = Learners.of("FR-SEVRAN", true).toString();
    String candidacy = "{\"jobOfferId\": \"" + offer + "\", \"learnerId\": \"" + learner + "\"}";
    String change = "{\"title\": \"Technicien·ne\", \"openings\": 2}";
    Call create = StrictInput.post("site-staff-fr", "/api/v1/candidacies");
    Call patch =
        StrictInput.patch(
            "site-staff-fr",
            "/api/v1/job-offers/" + offer,
            request -> request.header("If-Match", "\"0\""));
    StrictInput.writesNothing(
        () -> StrictInput.rows(entityManager, "job_offer", "candidacy", "outbox_event"),
        () -> {
          create.refusesMediaTypes(candidacy, "text/plain");
          create.refusesWithoutContentType(candidacy);
          create.refusesTrailingContent(candidacy, " {}");
          create.refusesDuplicateKey(
              candidacy.replace("{", "{\"jobOfferId\": \"" + offer + "\", "), "jobOfferId");
          patch.refusesMediaTypes(change, "text/plain");
          patch.refusesTrailingContent(change, " {}");
          patch.refusesDuplicateKey(change.replace("{", "{\"openings\": 3, "), "openings");
          patch.refusesLoneSurrogate(change.replace("Technicien", "Technicien\\ud800"), "title");
          StrictInput.refusesBadPages("site-staff-fr", "/api/v1/job-offers");
          StrictInput.refusesBadPages("site-staff-fr", "/api/v1/candidacies");
        });
  }

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
