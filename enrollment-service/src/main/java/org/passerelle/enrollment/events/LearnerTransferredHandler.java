package org.passerelle.enrollment.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.EventHandler;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.enrollment.service.SeatOutcomeService;

/**
 * cohort-service moved a learner to another cohort of the same programme: the application follows
 * to that cohort's intake, so that a later withdrawal names the cohort holding the seat.
 */
@ApplicationScoped
public class LearnerTransferredHandler implements EventHandler {

  private static final Logger LOG = Logger.getLogger(LearnerTransferredHandler.class);

  private final SeatOutcomeService applications;

  LearnerTransferredHandler(SeatOutcomeService applications) {
    this.applications = applications;
  }

  @Override
  public String topic() {
    return "cohort.events";
  }

  @Override
  public String type() {
    return "org.passerelle.cohort.learner-transferred.v1";
  }

  @Override
  public void handle(IncomingEvent event) {
    UUID applicationId = uuid(event.data(), "applicationId");
    UUID learnerId = uuid(event.data(), "learnerId");
    UUID toCohortId = uuid(event.data(), "toCohortId");
    if (!applications.seatMoved(applicationId, learnerId, toCohortId)) {
      LOG.debugf(
          "learner-transferred %s: application %s stays where it is", event.id(), applicationId);
    }
  }

  private static UUID uuid(JsonNode data, String field) {
    JsonNode value = data == null ? null : data.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("learner-transferred without " + field);
    }
    return UUID.fromString(value.asText());
  }
}
