package org.passerelle.enrollment.handlers;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.inbox.InboxConsumer;
import org.passerelle.commons.testing.ConsumedEventsCheck;

/**
 * What enrollment-service consumes is one list: the consumers running are exactly {@link
 * ConsumedEvents#ALL}, each payload record reads its producer's schema, and docs/events.md says the
 * same.
 */
@QuarkusTest
class ConsumedEventsTest {

  @Inject InboxConsumer inbox;

  @Test
  void theDeclaredListIsWhatRunsWhatTheSchemasAllowAndWhatTheDocsSay() {
    ConsumedEventsCheck.assertConsistent(
        "enrollment-service", ConsumedEvents.ALL, inbox.consumed());
  }
}
