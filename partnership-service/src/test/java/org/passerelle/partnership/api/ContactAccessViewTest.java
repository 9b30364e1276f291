package org.passerelle.partnership.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.api.Actor;
import org.passerelle.partnership.PartnerContactAccess;

/**
 * An access line says who acted as an object, a person's account or a system, beside the string.
 */
class ContactAccessViewTest {

  private static ContactAccessView view(String actor) {
    PartnerContactAccess access = new PartnerContactAccess();
    access.id = UUID.randomUUID();
    access.at = OffsetDateTime.parse("2026-12-05T10:00:00Z");
    access.actor = actor;
    access.actorRoles = "";
    access.action = PartnerContactAccess.Action.READ;
    access.partnerId = UUID.randomUUID();
    access.country = "FR";
    access.purpose = "getPartnerContact";
    return ContactAccessView.of(access);
  }

  @Test
  void aPersonIsTheirAccountWithoutAName() {
    ContactAccessView view = view("0b7e6c1a-staff");

    assertThat(view.actor()).isEqualTo("0b7e6c1a-staff");
    assertThat(view.actedBy()).isEqualTo(new Actor(Actor.Type.PERSON, "0b7e6c1a-staff", null));
  }

  @Test
  void theServiceItselfIsASystem() {
    // What the service records when no account called (PartnerContactService).
    ContactAccessView view = view("system");

    assertThat(view.actor()).isEqualTo("system");
    assertThat(view.actedBy()).isEqualTo(new Actor(Actor.Type.SYSTEM, "system", "system"));
  }
}
