package org.passerelle.partnership.rest;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.StrictInput;
import org.passerelle.commons.testing.StrictInput.Call;
import org.passerelle.partnership.testing.Conventions;

/**
 * The commons rules for reading requests hold for conventions, commitments and prizes too ({@link
 * StrictInput}): drafting a convention, and the three lists' pages.
 */
@QuarkusTest
class ConventionStrictInputTest {

  @Inject EntityManager entityManager;

  @Test
  void onlyWellFormedJsonBodiesAndNumericPagesAreRead() {
    String partner = Conventions.partner("FR");
    String good =
        Conventions.body(
                partner, "FR", "\"FR-SEVRAN\"", LocalDate.now(), LocalDate.now().plusYears(1))
            .strip();
    Call draft = StrictInput.post("country-admin-fr", Conventions.CONVENTIONS);

    StrictInput.writesNothing(
        () -> StrictInput.rows(entityManager, "convention", "commitment", "prize", "outbox_event"),
        () -> {
          draft.refusesMediaTypes(good, "text/plain", "application/xml");
          draft.refusesWithoutContentType(good);
          draft.refusesTrailingContent(good, " {}");
          draft.refusesDuplicateKey(
              good.replace("\"country\": \"FR\"", "\"country\": \"FR\", \"country\": \"MA\""),
              "country");
          draft.refusesLoneSurrogate(
              good.replace("CONV-2026/01", "CONV\\ud800"), "documentReference");
          StrictInput.refusesBadPages("platform-admin", Conventions.CONVENTIONS);
          StrictInput.refusesBadPages("platform-admin", Conventions.COMMITMENTS);
          StrictInput.refusesBadPages("platform-admin", Conventions.PRIZES);
        });
  }
}
