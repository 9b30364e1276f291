package org.passerelle.partnership.rest;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.StrictInput;
import org.passerelle.commons.testing.StrictInput.Call;

/**
 * The commons rules for reading requests hold here too (issue 13), checked by {@link StrictInput}:
 * here for registering a partner, and the parked events' list as this service's only list.
 */
@QuarkusTest
class StrictInputTest {

  private static final String GOOD =
      "{\"name\": \"Atelier Numérique\", \"kind\": \"FUNDER\", \"country\": \"FR\", \"registrationNumber\": \"73282932000074\"}";

  /** partnership-service's tests share one database: any id will do, the body is refused first. */
  private static final String PARTNER = "11111111-1111-4111-8111-111111111111";

  private static final String DEAD_LETTERS = "/api/v1/event-consumers/partnership/dead-letters";

  @Inject EntityManager entityManager;

  @Test
  void onlyWellFormedJsonBodiesAndNumericPagesAreRead() {
    Call register = StrictInput.post("country-admin-fr", "/api/v1/partners");

    StrictInput.writesNothing(
        () -> StrictInput.rows(entityManager, "partner", "partner_contact", "outbox_event"),
        () -> {
          register.refusesMediaTypes(GOOD, "text/plain", "application/xml");
          register.refusesWithoutContentType(GOOD);
          register.refusesTrailingContent(GOOD, " {}");
          register.refusesDuplicateKey(
              GOOD.replace(
                  "\"name\": \"Atelier Numérique\"",
                  "\"name\": \"Atelier Numérique\", \"name\": \"Autre\""),
              "name");
          register.refusesLoneSurrogate(
              GOOD.replace("Atelier Numérique", "Atelier Numérique\\ud800"), "name");
          StrictInput.refusesBadPages("platform-admin", DEAD_LETTERS);
          StrictInput.refusesBadPages("platform-admin", "/api/v1/partners");
          StrictInput.refusesBadPages(
              "platform-admin", "/api/v1/partners/" + PARTNER + "/contacts");
          Call contact =
              StrictInput.post("country-admin-fr", "/api/v1/partners/" + PARTNER + "/contacts");
          String person = "{\"name\": \"Camille Martin\", \"email\": \"c@example.org\"}";
          contact.refusesMediaTypes(person, "text/plain");
          contact.refusesTrailingContent(person, " {}");
          contact.refusesDuplicateKey(
              person.replace("\"name\": \"Camille Martin\"", "\"name\": \"A\", \"name\": \"B\""),
              "name");
        });
  }
}
