package org.passerelle.enrollment.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.commons.events.EventHandler;
import org.passerelle.commons.events.IncomingEvent;

/** A cohort completed: so does its intake. The newest snapshot wins ({@link CohortSnapshots}). */
@ApplicationScoped
public class CohortCompletedHandler implements EventHandler {

  private final CohortSnapshots snapshots;

  CohortCompletedHandler(CohortSnapshots snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public String topic() {
    return "cohort.events";
  }

  @Override
  public String type() {
    return "org.passerelle.cohort.cohort-completed.v1";
  }

  @Override
  public void handle(IncomingEvent event) {
    snapshots.keepNewest(type(), event);
  }
}
