package org.passerelle.enrollment.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.commons.events.EventHandler;
import org.passerelle.commons.events.IncomingEvent;

/**
 * A cohort's dates, capacity, window, age or status changed: the intake follows. The newest
 * snapshot wins ({@link CohortSnapshots}).
 */
@ApplicationScoped
public class CohortChangedHandler implements EventHandler {

  private final CohortSnapshots snapshots;

  CohortChangedHandler(CohortSnapshots snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public String topic() {
    return "cohort.events";
  }

  @Override
  public String type() {
    return "org.passerelle.cohort.cohort-changed.v1";
  }

  @Override
  public void handle(IncomingEvent event) {
    snapshots.keepNewest(type(), event);
  }
}
