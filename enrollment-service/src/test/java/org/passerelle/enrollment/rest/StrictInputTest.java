package org.passerelle.enrollment.rest;

import static org.passerelle.enrollment.testing.Fixtures.APPLICATIONS;
import static org.passerelle.enrollment.testing.Fixtures.body;
import static org.passerelle.enrollment.testing.Fixtures.email;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.StrictInput;
import org.passerelle.commons.testing.StrictInput.Call;
import org.passerelle.enrollment.testing.Fixtures;

/**
 * The commons rules for reading requests hold here too (issue 13), checked by {@link StrictInput}:
 * here for an application and an import, which also takes CSV.
 */
@QuarkusTest
class StrictInputTest {

  private static final String IMPORTS = APPLICATIONS + "/imports";

  @Inject EntityManager entityManager;

  @Test
  void onlyWellFormedBodiesOfADeclaredMediaTypeAndNumericPagesAreRead() {
    UUID intake = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    String good = body(intake, "FR-SEVRAN", email());
    String goodImport = "{\"rows\": [" + good + "]}";
    Call apply = StrictInput.post("site-staff-fr", APPLICATIONS);
    Call importRows = StrictInput.post("country-admin-fr", IMPORTS);

    StrictInput.writesNothing(
        this::written,
        () -> {
          apply.refusesMediaTypes(good, "text/plain", "application/xml");
          importRows.refusesMediaTypes("<rows/>", "text/xml");
          StrictInput.post("country-admin-fr", APPLICATIONS).refusesWithoutContentType(good);
          importRows.refusesWithoutContentType(goodImport);

          apply.refusesTrailingContent(good, " {}");
          apply.refusesDuplicateKey(
              good.replaceFirst("\\{", "{\"intakeId\": \"" + UUID.randomUUID() + "\", "),
              "intakeId");
          apply.refusesLoneSurrogate(
              good.replace("\"Amina\"", "\"Amina\\ud800\""), "applicant.firstName");
          importRows.refusesDuplicateKey("{\"rows\": [" + good + "], \"rows\": []}");

          StrictInput.refusesBadPages("country-admin-fr", APPLICATIONS);
        });

    // The import's documented CSV is still read as CSV (here: a header and no rows, 400).
    StrictInput.writesNothing(
        this::written,
        () ->
            StrictInput.refused(
                Api.as("country-admin-fr")
                    .contentType("text/csv")
                    .body("externalRef,intakeId\n")
                    .post(IMPORTS),
                400,
                "invalid-request"));
  }

  private Object written() {
    return StrictInput.rows(
        entityManager, "applicant", "application", "consent", "application_import", "outbox_event");
  }
}
