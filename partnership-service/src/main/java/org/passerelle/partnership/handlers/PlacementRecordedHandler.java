package org.passerelle.partnership.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.partnership.service.CommitmentService;

/**
 * A placement placement-service recorded: it counts towards its employer's hiring commitments (the
 * evidence lists it), once, however often it is delivered.
 */
@ApplicationScoped
public class PlacementRecordedHandler implements EventConsumer<PlacementRecorded> {

  private static final Logger LOG = Logger.getLogger(PlacementRecordedHandler.class);

  private final CommitmentService commitments;

  PlacementRecordedHandler(CommitmentService commitments) {
    this.commitments = commitments;
  }

  @Override
  public ConsumedEvent<PlacementRecorded> consumes() {
    return ConsumedEvents.PLACEMENT_RECORDED;
  }

  @Override
  public void handle(PlacementRecorded event, IncomingEvent envelope) {
    int counted =
        commitments.countPlacement(
            event.placementId(),
            event.employerPartnerId(),
            event.contractType(),
            event.country(),
            event.site(),
            event.startDate());
    LOG.debugf(
        "placement-recorded %s: placement %s counted for %d commitment(s)",
        envelope.id(), event.placementId(), counted);
  }
}
