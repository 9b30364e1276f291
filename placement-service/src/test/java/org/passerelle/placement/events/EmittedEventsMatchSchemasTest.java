package org.passerelle.placement.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.EventSchemas;
import org.passerelle.placement.rest.CandidacyResourceTest;
import org.passerelle.placement.rest.FollowUpResourceTest;
import org.passerelle.placement.rest.JobOfferResourceTest;
import org.passerelle.placement.rest.PlacementResourceTest;
import org.passerelle.placement.service.FollowUpDueService;
import org.passerelle.placement.testing.LearnerEvents;
import org.passerelle.placement.testing.LearnerEvents.Trainee;
import org.passerelle.placement.testing.Learners;

/**
 * What the service emits validates against the JSON Schemas it publishes, and every event it
 * publishes is among what is checked.
 */
@QuarkusTest
class EmittedEventsMatchSchemasTest {

  @Inject DataSource dataSource;
  @Inject EntityManager entityManager;
  @Inject FollowUpDueService dueJob;

  @Test
  void everyEmittedEventMatchesItsSchema() {
    JobOfferResourceTest.publish("site-staff-fr");
    // a candidacy started and moved, with and without a learner's site and start date
    String offer = CandidacyResourceTest.offer(1);
    String candidacy =
        CandidacyResourceTest.propose("site-staff-fr", offer, Learners.of("FR-SEVRAN", true));
    Api.as("partner-fr")
        .body("{\"status\": \"INTERVIEWING\"}")
        .post(CandidacyResourceTest.CANDIDACIES + "/" + candidacy + "/status")
        .then()
        .statusCode(200);

    // a placement, a follow-up falling due, one answered, one left unreachable
    Trainee trainee =
        FollowUpResourceTest.completed("FR-SEVRAN", null, 13, LearnerEvents.FOLLOW_UP);
    PlacementResourceTest.recorded("site-staff-fr", trainee);
    dueJob.run("FR", LocalDate.now(ZoneId.of("Europe/Paris")));
    String answered = FollowUpResourceTest.followUp(trainee, 3);
    Api.as("site-staff-fr")
        .body(
            """
            {"situation": "SELF_EMPLOYED", "contractType": "FREELANCE"}
            """)
        .post("/api/v1/follow-ups/" + answered + "/situation")
        .then()
        .statusCode(200);
    String unreachable = FollowUpResourceTest.followUp(trainee, 6);
    for (int i = 0; i < 3; i++) {
      Api.as("site-staff-fr")
          .body("{}")
          .post("/api/v1/follow-ups/" + unreachable + "/attempts")
          .then()
          .statusCode(200);
    }

    for (String event :
        new String[] {
          "job-offer-published",
          "candidacy-changed",
          "placement-recorded",
          "follow-up-due",
          "follow-up-recorded"
        }) {
      assertThat(
              Api.count(
                  entityManager,
                  "select count(*) from outbox_event where type = 'org.passerelle.placement."
                      + event
                      + ".v1'"))
          .as(event)
          .isPositive();
    }
    assertThat(EventSchemas.assertOutboxValid(dataSource)).isPositive();
  }
}
