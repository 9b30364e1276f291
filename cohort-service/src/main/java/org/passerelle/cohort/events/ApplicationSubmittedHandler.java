package org.passerelle.cohort.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.passerelle.cohort.repository.CohortRepository;
import org.passerelle.cohort.repository.KnownApplicationRepository;
import org.passerelle.commons.events.EventHandler;
import org.passerelle.commons.events.IncomingEvent;

/**
 * Counts the applications each cohort received (enrollment-service's application-submitted), and
 * remembers each application with its learner, whom staff may then seat with it.
 */
@ApplicationScoped
public class ApplicationSubmittedHandler implements EventHandler {

  private static final Logger LOG = Logger.getLogger(ApplicationSubmittedHandler.class);

  private final CohortRepository cohorts;
  private final KnownApplicationRepository known;

  ApplicationSubmittedHandler(CohortRepository cohorts, KnownApplicationRepository known) {
    this.cohorts = cohorts;
    this.known = known;
  }

  @Override
  public String topic() {
    return "enrollment.events";
  }

  @Override
  public String type() {
    return "org.passerelle.enrollment.application-submitted.v1";
  }

  @Override
  public void handle(IncomingEvent event) {
    UUID cohortId = ApplicationEvents.learn(event.data(), known).cohortId();
    String site = event.data().path("site").asText();
    // Only an application to the cohort's own site counts: an application naming another
    // site's (or country's) cohort must not move that cohort's figures.
    int updated =
        cohorts.update(
            "applicationsReceived = applicationsReceived + 1, version = version + 1"
                + " where id = ?1 and siteCode = ?2",
            cohortId,
            site);
    if (updated == 0) {
      LOG.debugf("application-submitted %s names no cohort %s at %s", event.id(), cohortId, site);
    }
  }
}
