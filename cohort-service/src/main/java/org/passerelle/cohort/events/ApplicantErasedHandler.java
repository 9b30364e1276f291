package org.passerelle.cohort.events;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.passerelle.cohort.service.LearnerTextEraser;
import org.passerelle.commons.events.EventHandler;
import org.passerelle.commons.events.IncomingEvent;

/**
 * enrollment-service erased the person behind a learnerId: every kind of free text staff wrote
 * about them here is blanked, in the transaction that records the event, so it happens once and
 * entirely or not at all. A redelivered or repeated event finds nothing left to blank.
 */
@ApplicationScoped
public class ApplicantErasedHandler implements EventHandler {

  private static final Logger LOG = Logger.getLogger(ApplicantErasedHandler.class);

  private final List<LearnerTextEraser> erasers;

  ApplicantErasedHandler(@All List<LearnerTextEraser> erasers) {
    this.erasers = erasers;
  }

  @Override
  public String topic() {
    return ApplicationEvents.TOPIC;
  }

  @Override
  public String type() {
    return "org.passerelle.enrollment.applicant-erased.v1";
  }

  @Override
  public void handle(IncomingEvent event) {
    var value = event.data() == null ? null : event.data().get("learnerId");
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("applicant-erased without learnerId");
    }
    UUID learnerId = UUID.fromString(value.asText());
    int changed = 0;
    for (LearnerTextEraser eraser : erasers) {
      changed += eraser.erase(learnerId);
    }
    // The learnerId is a pseudonym; no text is logged.
    LOG.debugf("applicant-erased %s: %d records blanked", event.id(), changed);
  }
}
