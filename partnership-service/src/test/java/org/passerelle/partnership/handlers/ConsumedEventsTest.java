package org.passerelle.partnership.handlers;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.inbox.InboxConsumer;
import org.passerelle.commons.testing.ConsumedEventsCheck;

/**
 * {@link ConsumedEvents} is what partnership-service consumes: the consumers running are exactly
 * that list, each payload record fits its producer's schema, and docs/events.md lists the same
 * rows.
 */
@QuarkusTest
class ConsumedEventsTest {

  @Inject InboxConsumer inboxConsumer;

  @Test
  void theDeclaredListIsWhatRunsAndWhatTheDocsSay() {
    ConsumedEventsCheck.assertConsistent(
        "partnership-service", ConsumedEvents.ALL, inboxConsumer.consumed());
  }
}
