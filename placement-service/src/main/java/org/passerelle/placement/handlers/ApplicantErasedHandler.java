package org.passerelle.placement.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.placement.service.LearnerService;

/**
 * A person was erased in enrollment-service: the account link and the free text about them go,
 * categories stay.
 */
@ApplicationScoped
public class ApplicantErasedHandler implements EventConsumer<ApplicantErased> {

  private static final Logger LOG = Logger.getLogger(ApplicantErasedHandler.class);

  private final LearnerService learners;

  ApplicantErasedHandler(LearnerService learners) {
    this.learners = learners;
  }

  @Override
  public ConsumedEvent<ApplicantErased> consumes() {
    return ConsumedEvents.APPLICANT_ERASED;
  }

  @Override
  public void handle(ApplicantErased event, IncomingEvent envelope) {
    learners.erased(event.learnerId(), event.country(), event.erasedAt());
    LOG.debugf("%s %s: learner %s erased", consumes().name(), envelope.id(), event.learnerId());
  }
}
