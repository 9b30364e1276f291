package org.passerelle.cohort.handlers;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.inbox.InboxConsumer;
import org.passerelle.commons.testing.ConsumedEventsCheck;

/**
 * What cohort-service consumes is declared once: the running consumers, the producers' schemas and
 * docs/events.md agree with {@link ConsumedEvents}.
 */
@QuarkusTest
class ConsumedEventsTest {

  @Inject InboxConsumer inboxConsumer;

  @Test
  void theDeclaredListIsWhatRunsWhatTheSchemasAllowAndWhatTheDocsSay() {
    ConsumedEventsCheck.assertConsistent(
        "cohort-service", ConsumedEvents.ALL, inboxConsumer.consumed());
  }
}
