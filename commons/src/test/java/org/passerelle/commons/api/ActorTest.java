package org.passerelle.commons.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who acted is read from the string services store, one way for every view. */
class ActorTest {

  @Test
  void aTokenSubjectIsAPersonShownByTheNameGivenIfAny() {
    String subject = "6f1c2a4e-5b7d-4c1e-9a3b-2d8e7f6a5b4c";

    assertThat(Actor.of(subject)).isEqualTo(new Actor(Actor.Type.PERSON, subject, null));
    assertThat(Actor.of(subject, "amina.staff"))
        .isEqualTo(new Actor(Actor.Type.PERSON, subject, "amina.staff"));
  }

  @Test
  void aSystemIsNamedAfterThePrefix() {
    assertThat(Actor.of("system:waitlist"))
        .isEqualTo(new Actor(Actor.Type.SYSTEM, "waitlist", "waitlist"));
    assertThat(Actor.of("system:cohort-service", "ignored"))
        .isEqualTo(new Actor(Actor.Type.SYSTEM, "cohort-service", "cohort-service"));
    assertThat(Actor.of("system")).isEqualTo(new Actor(Actor.Type.SYSTEM, "system", "system"));
  }

  @Test
  void aReaderWhoMayNotKnowWhoSeesOnlyTheType() {
    assertThat(Actor.of("system:waitlist").typeOnly())
        .isEqualTo(new Actor(Actor.Type.SYSTEM, null, null));
    assertThat(Actor.of("6f1c2a4e").typeOnly()).isEqualTo(new Actor(Actor.Type.PERSON, null, null));
  }

  @Test
  void nobodyIsNull() {
    assertThat(Actor.of(null)).isNull();
  }
}
