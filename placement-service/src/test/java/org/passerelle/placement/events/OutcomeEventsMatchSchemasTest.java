package org.passerelle.placement.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.EventSchemas;
import org.passerelle.placement.rest.PlacementResourceTest;
import org.passerelle.placement.service.FollowUpDueService;
import org.passerelle.placement.testing.LearnerEvents;
import org.passerelle.placement.testing.LearnerEvents.Trainee;

/**
 * placement-recorded, follow-up-due and follow-up-recorded, as placements and follow-ups emit them,
 * validate against the schemas placement-service publishes.
 */
@QuarkusTest
class OutcomeEventsMatchSchemasTest {

  @Inject DataSource dataSource;
  @Inject FollowUpDueService dueJob;

  @Test
  void placementsAndFollowUpsEmitWhatTheirSchemasSay() {
    Trainee trainee =
        org.passerelle.placement.rest.FollowUpResourceTest.completed(
            "FR-SEVRAN", null, 13, LearnerEvents.FOLLOW_UP);
    PlacementResourceTest.recorded("site-staff-fr", trainee);
    dueJob.run("FR", LocalDate.now(ZoneId.of("Europe/Paris")));
    String answered = org.passerelle.placement.rest.FollowUpResourceTest.followUp(trainee, 3);
    Api.as("site-staff-fr")
        .body(
            """
            {"situation": "SELF_EMPLOYED", "contractType": "FREELANCE"}
            """)
        .post("/api/v1/follow-ups/" + answered + "/situation")
        .then()
        .statusCode(200);
    String unreachable = org.passerelle.placement.rest.FollowUpResourceTest.followUp(trainee, 6);
    for (int i = 0; i < 3; i++) {
      Api.as("site-staff-fr")
          .body("{}")
          .post("/api/v1/follow-ups/" + unreachable + "/attempts")
          .then()
          .statusCode(200);
    }
    assertThat(EventSchemas.assertOutboxValid(dataSource)).isPositive();
  }
}
