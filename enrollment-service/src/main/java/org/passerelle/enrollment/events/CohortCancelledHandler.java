package org.passerelle.enrollment.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.EventHandler;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.enrollment.Intake;
import org.passerelle.enrollment.repository.IntakeRepository;

/**
 * A cancelled cohort's intake takes no more applications. Applications already made stay as they
 * are for staff to redirect; the cohort's version keeps older snapshots from reopening it.
 */
@ApplicationScoped
public class CohortCancelledHandler implements EventHandler {

  private static final Logger LOG = Logger.getLogger(CohortCancelledHandler.class);

  private final IntakeRepository intakes;

  CohortCancelledHandler(IntakeRepository intakes) {
    this.intakes = intakes;
  }

  @Override
  public String topic() {
    return "cohort.events";
  }

  @Override
  public String type() {
    return "org.passerelle.cohort.cohort-cancelled.v1";
  }

  @Override
  public void handle(IncomingEvent event) {
    var data = event.data();
    UUID cohortId = UUID.fromString(data.path("cohortId").asText());
    if (!data.path("version").canConvertToExactIntegral()) {
      throw new IllegalArgumentException("cohort-cancelled without an integer version");
    }
    long version = data.path("version").asLong();
    Intake intake = intakes.findByIdOptional(cohortId, LockModeType.PESSIMISTIC_WRITE).orElse(null);
    if (intake == null) {
      LOG.debugf("cohort-cancelled %s: no intake %s, nothing to close", event.id(), cohortId);
      return;
    }
    if (version <= intake.cohortVersion) {
      return;
    }
    intake.cohortStatus = "CANCELLED";
    intake.cohortVersion = version;
    intake.updatedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
