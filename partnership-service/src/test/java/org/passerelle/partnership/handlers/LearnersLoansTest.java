package org.passerelle.partnership.handlers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.passerelle.partnership.testing.Donations.DEVICES;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.BrokerEvents;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.partnership.testing.Announced;
import org.passerelle.partnership.testing.Donations;

/**
 * What learners' events do to the computers lent to them, through the real broker and the inbox: a
 * learner who withdrew has the loan flagged for recall, one who completed follows the lending
 * site's policy (recall in Sevran, gift in Fès in the tests' configuration), and an erased person's
 * loans forget them. Each event delivered twice acts once.
 */
@QuarkusTest
class LearnersLoansTest {

  @Inject EntityManager entityManager;

  private long count(String sql) {
    return Api.count(entityManager, sql);
  }

  private long applied(UUID eventId) {
    return count("select count(*) from inbox_event where event_id = '" + eventId + "'");
  }

  private String flaggedAt(UUID learner) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                entityManager
                    .createNativeQuery(
                        "select cast(recall_flagged_at as varchar) from loan where learner_id = '"
                            + learner
                            + "'")
                    .getSingleResult()
                    .toString());
  }

  private void sendTwiceAndAwait(ProducerRecord<String, byte[]> record, UUID eventId) {
    BrokerEvents.send(record, record);
    await().atMost(Duration.ofSeconds(60)).until(() -> applied(eventId) == 1);
  }

  @Test
  void aLearnerWhoWithdrewHasTheComputerFlaggedForRecallOnce() {
    UUID learner = UUID.randomUUID();
    String device =
        Donations.lentDevice("site-staff-fr", Donations.donor("FR"), "FR-SEVRAN", learner);
    UUID eventId = UUID.randomUUID();
    sendTwiceAndAwait(Announced.learnerWithdrew(eventId, learner, "FR-SEVRAN"), eventId);

    assertThat(
            count(
                "select count(*) from loan where learner_id = '"
                    + learner
                    + "' and recall_reason = 'WITHDREW' and ended_at is null"))
        .isEqualTo(1);
    Api.as("site-staff-fr")
        .get(DEVICES + "/" + device)
        .then()
        .body("status", equalTo("LOANED"))
        .body("loan.toRecall", equalTo(true))
        .body("loan.recallReason", equalTo("WITHDREW"));
    Api.as("site-staff-fr")
        .get(DEVICES + "?toRecall=true&size=100")
        .then()
        .body("items.id", hasItem(device));

    // the same fact again under another id (a replay) changes nothing either
    String flaggedAt = flaggedAt(learner);
    UUID again = UUID.randomUUID();
    sendTwiceAndAwait(Announced.learnerWithdrew(again, learner, "FR-SEVRAN"), again);
    assertThat(flaggedAt(learner)).isEqualTo(flaggedAt);

    // once back, the recall is over
    given()
        .header("Authorization", Tokens.bearer("site-staff-fr"))
        .post(DEVICES + "/" + device + "/return")
        .then()
        .statusCode(200);
    Api.as("site-staff-fr")
        .get(DEVICES + "?toRecall=true&size=100")
        .then()
        .body("items.id", not(hasItem(device)));
  }

  @Test
  void aLearnerWhoCompletedFollowsTheLendingSitesPolicy() {
    UUID sevranLearner = UUID.randomUUID();
    String recalled =
        Donations.lentDevice("site-staff-fr", Donations.donor("FR"), "FR-SEVRAN", sevranLearner);
    UUID fesLearner = UUID.randomUUID();
    String gifted =
        Donations.lentDevice("site-staff-ma", Donations.donor("MA"), "MA-FES", fesLearner);

    UUID first = UUID.randomUUID();
    sendTwiceAndAwait(Announced.learnerCompleted(first, sevranLearner, "FR-SEVRAN"), first);
    UUID second = UUID.randomUUID();
    sendTwiceAndAwait(Announced.learnerCompleted(second, fesLearner, "MA-FES"), second);

    Api.as("site-staff-fr")
        .get(DEVICES + "/" + recalled)
        .then()
        .body("status", equalTo("LOANED"))
        .body("loan.recallReason", equalTo("COMPLETED"));
    Api.as("site-staff-ma")
        .get(DEVICES + "/" + gifted)
        .then()
        .body("status", equalTo("GIFTED"))
        .body("loan", nullValue());
    assertThat(
            count(
                "select count(*) from loan where device_id = '"
                    + gifted
                    + "' and outcome = 'GIFTED' and ended_at is not null"))
        .isEqualTo(1);
  }

  @Test
  void anErasedPersonsLoansKeepNoLinkToThem() {
    UUID learner = UUID.randomUUID();
    String open =
        Donations.lentDevice("site-staff-fr", Donations.donor("FR"), "FR-SEVRAN", learner);
    UUID eventId = UUID.randomUUID();
    sendTwiceAndAwait(Announced.applicantErased(eventId, learner, "FR"), eventId);

    assertThat(count("select count(*) from loan where learner_id = '" + learner + "'")).isZero();
    assertThat(
            count(
                "select count(*) from loan where device_id = '"
                    + open
                    + "' and learner_id is null and learner_erased and ended_at is null"))
        .isEqualTo(1);
    Api.as("site-staff-fr")
        .get(DEVICES + "/" + open)
        .then()
        .body("status", equalTo("LOANED"))
        .body("loan.learnerId", nullValue())
        .body("loan.learnerErased", equalTo(true));
    // the computer still comes back as any other
    given()
        .header("Authorization", Tokens.bearer("site-staff-fr"))
        .post(DEVICES + "/" + open + "/return")
        .then()
        .statusCode(200);
  }
}
