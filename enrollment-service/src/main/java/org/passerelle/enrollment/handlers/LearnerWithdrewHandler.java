package org.passerelle.enrollment.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.enrollment.service.SeatOutcomeService;

/**
 * Staff recorded in cohort-service that a learner left the school: the enrolled application is
 * withdrawn, for the coded exit reason, so the person may apply again. Redelivery changes nothing.
 */
@ApplicationScoped
public class LearnerWithdrewHandler implements EventConsumer<LearnerWithdrew> {

  private static final Logger LOG = Logger.getLogger(LearnerWithdrewHandler.class);

  private final SeatOutcomeService seats;

  LearnerWithdrewHandler(SeatOutcomeService seats) {
    this.seats = seats;
  }

  @Override
  public ConsumedEvent<LearnerWithdrew> consumes() {
    return ConsumedEvents.LEARNER_WITHDREW;
  }

  @Override
  public void handle(LearnerWithdrew left, IncomingEvent event) {
    if (!seats.seatLeft(left.applicationId(), left.learnerId(), left.exitReason())) {
      // Ids only: no personal data in the log.
      LOG.debugf(
          "learner-withdrew %s: application %s is not an enrolled one of this learner, nothing to do",
          event.id(), left.applicationId());
    }
  }
}
