package org.passerelle.enrollment.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.EventSchemas;
import org.passerelle.enrollment.testing.Fixtures;

/** What the service emits validates against the JSON Schemas it publishes. */
@QuarkusTest
class EmittedEventsMatchSchemasTest {

  @Inject DataSource dataSource;
  @Inject EntityManager entityManager;

  private long ofType(String name) {
    return Api.count(
        entityManager,
        "select count(*) from outbox_event where type = 'org.passerelle.enrollment."
            + name
            + ".v1'");
  }

  @Test
  void everyEmittedEventMatchesItsSchema() {
    Fixtures.submit("site-staff-fr", Fixtures.openIntake(entityManager, "FR-SEVRAN"), "FR-SEVRAN");
    // A learner's own record: its account link (once per record, whichever test made it).
    Fixtures.submit("learner-fr", Fixtures.openIntake(entityManager, "FR-SEVRAN"), "FR-SEVRAN");
    assertThat(ofType(ConsentChanged.NAME)).isPositive();
    assertThat(ofType(LearnerAccountLinked.NAME)).isPositive();
    assertThat(EventSchemas.assertOutboxValid(dataSource)).isPositive();
  }
}
