package org.passerelle.enrollment.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.enrollment.service.SeatOutcomeService;

/**
 * cohort-service moved a learner to another cohort of the same programme: the application follows
 * to that cohort's intake, so that a later withdrawal names the cohort holding the seat.
 */
@ApplicationScoped
public class LearnerTransferredHandler implements EventConsumer<LearnerTransferred> {

  private static final Logger LOG = Logger.getLogger(LearnerTransferredHandler.class);

  private final SeatOutcomeService seats;

  LearnerTransferredHandler(SeatOutcomeService seats) {
    this.seats = seats;
  }

  @Override
  public ConsumedEvent<LearnerTransferred> consumes() {
    return ConsumedEvents.LEARNER_TRANSFERRED;
  }

  @Override
  public void handle(LearnerTransferred transfer, IncomingEvent event) {
    if (!seats.seatMoved(transfer.applicationId(), transfer.learnerId(), transfer.toCohortId())) {
      LOG.debugf(
          "learner-transferred %s: application %s stays where it is",
          event.id(), transfer.applicationId());
    }
  }
}
