package org.passerelle.cohort.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.testing.Partners;

/**
 * cohort-service follows partnership-service's partner-changed through the real broker and its
 * inbox: the newest version of a partner's name and status wins; a redelivered, replayed or older
 * change takes nothing back; a partner whose registration it never saw is learned from a change.
 */
@QuarkusTest
class PartnerChangedTest {

  @Inject EntityManager entityManager;

  /** The copies of the partner here: their version, name, status and country. */
  private String partner(UUID id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                entityManager
                    .createNativeQuery(
                        "select version || ' ' || coalesce(name, '-') || ' ' || status || ' '"
                            + " || country from known_partner where id = ?1",
                        String.class)
                    .setParameter(1, id)
                    .getResultList()
                    .toString());
  }

  @Test
  void theNewestVersionWinsAndOlderOrRepeatedChangesTakeNothingBack() {
    UUID id = UUID.randomUUID();
    UUID change = UUID.randomUUID();
    Partners.sendAndAwait(
        List.of(
            Partners.registered(UUID.randomUUID(), id, id, "FR"),
            Partners.changed(change, id, "FR", "Fondation Avenir", "INACTIVE", 2),
            // the same event again, then an older version replayed: neither changes anything
            Partners.changed(change, id, "FR", "Fondation Avenir", "INACTIVE", 2),
            Partners.changed(UUID.randomUUID(), id, "FR", "Fondation Numérique", "ACTIVE", 1)));
    assertThat(partner(id)).isEqualTo("[2 Fondation Avenir INACTIVE FR]");
    assertThat(Partners.applied(change)).isEqualTo(1);

    // a newer version makes it active again, under its new name
    Partners.sendAndAwait(
        List.of(Partners.changed(UUID.randomUUID(), id, "FR", "Fondation Demain", "ACTIVE", 3)));
    assertThat(partner(id)).isEqualTo("[3 Fondation Demain ACTIVE FR]");
  }

  @Test
  void aPartnerNotLearnedYetIsLearnedFromItsChangeAndALateRegistrationChangesNothing() {
    UUID id = UUID.randomUUID();
    Partners.sendAndAwait(
        List.of(
            Partners.changed(UUID.randomUUID(), id, "MA", "Association Atlas", "INACTIVE", 4),
            Partners.registered(UUID.randomUUID(), id, id, "MA")));
    assertThat(partner(id)).isEqualTo("[4 Association Atlas INACTIVE MA]");
  }
}
