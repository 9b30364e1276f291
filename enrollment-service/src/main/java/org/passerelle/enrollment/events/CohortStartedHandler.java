package org.passerelle.enrollment.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.commons.events.EventHandler;
import org.passerelle.commons.events.IncomingEvent;

/**
 * A cohort started: its intake runs, and takes no more applications. The newest snapshot wins
 * ({@link CohortSnapshots}).
 */
@ApplicationScoped
public class CohortStartedHandler implements EventHandler {

  private final CohortSnapshots snapshots;

  CohortStartedHandler(CohortSnapshots snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public String topic() {
    return "cohort.events";
  }

  @Override
  public String type() {
    return "org.passerelle.cohort.cohort-started.v1";
  }

  @Override
  public void handle(IncomingEvent event) {
    snapshots.keepNewest(type(), event);
  }
}
