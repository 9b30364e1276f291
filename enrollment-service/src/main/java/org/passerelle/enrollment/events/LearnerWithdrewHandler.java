package org.passerelle.enrollment.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.EventHandler;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.enrollment.service.SeatOutcomeService;

/**
 * Staff recorded in cohort-service that a learner left the school: the enrolled application is
 * withdrawn, for the coded exit reason, so the person may apply again. Redelivery changes nothing.
 */
@ApplicationScoped
public class LearnerWithdrewHandler implements EventHandler {

  private static final Logger LOG = Logger.getLogger(LearnerWithdrewHandler.class);

  /** An exit reason code (FOUND_JOB, HEALTH...): never free text. */
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]{0,39}");

  private final SeatOutcomeService applications;

  LearnerWithdrewHandler(SeatOutcomeService applications) {
    this.applications = applications;
  }

  @Override
  public String topic() {
    return "cohort.events";
  }

  @Override
  public String type() {
    return "org.passerelle.cohort.learner-withdrew.v1";
  }

  @Override
  public void handle(IncomingEvent event) {
    JsonNode data = event.data();
    UUID applicationId = uuid(data, "applicationId");
    UUID learnerId = uuid(data, "learnerId");
    JsonNode reason = data.get("exitReason");
    if (reason == null || !reason.isTextual() || !CODE.matcher(reason.asText()).matches()) {
      throw new IllegalArgumentException("learner-withdrew without an exit reason code");
    }
    if (!applications.seatLeft(applicationId, learnerId, reason.asText())) {
      // Ids only: no personal data in the log.
      LOG.debugf(
          "learner-withdrew %s: application %s is not an enrolled one of this learner, nothing to do",
          event.id(), applicationId);
    }
  }

  private static UUID uuid(JsonNode data, String field) {
    JsonNode value = data == null ? null : data.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("learner-withdrew without " + field);
    }
    return UUID.fromString(value.asText());
  }
}
