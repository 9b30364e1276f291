package org.passerelle.partnership.handlers;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.BrokerEvents;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.partnership.testing.Announced;
import org.passerelle.partnership.testing.Conventions;

/**
 * Learners read their own prizes through the account enrollment linked to their learnerId, sent
 * through the real broker: the newest link wins, an older one changes nothing, and erasure forgets
 * the link.
 */
@QuarkusTest
class LearnersPrizesTest {

  private static final String MINE = Conventions.PRIZES + "/mine";

  @Inject EntityManager entityManager;

  private void sendTwiceAndAwait(ProducerRecord<String, byte[]> record, UUID eventId) {
    BrokerEvents.send(record, record);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                Api.count(
                        entityManager,
                        "select count(*) from inbox_event where event_id = '" + eventId + "'")
                    == 1);
  }

  private static String award(UUID learner, String title) {
    String body =
        """
        {"partnerId": "%s", "site": "FR-SEVRAN", "title": "%s", "recipientKind": "LEARNERS",
         "learnerIds": ["%s", "%s"], "awardedOn": "2026-11-30"}
        """
            .formatted(Conventions.PARTNER_FR, title, learner, UUID.randomUUID());
    return Api.as("site-staff-fr")
        .body(body)
        .post(Conventions.PRIZES)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static String linkedAt(int minutesFromNow) {
    return OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(minutesFromNow).toString();
  }

  @Test
  void aLearnerReadsTheirOwnPrizesOnlyOnceTheirAccountIsLinked() {
    Conventions.demoPartners();
    String subject = Tokens.subject("learner-fr");
    UUID learner = UUID.randomUUID();
    String prize = award(learner, "Prix du jury");
    award(UUID.randomUUID(), "Prix d'un autre");

    UUID linked = UUID.randomUUID();
    sendTwiceAndAwait(
        Announced.learnerAccountLinked(linked, learner, subject, "FR", linkedAt(0)), linked);
    Api.as("learner-fr")
        .get(MINE)
        .then()
        .statusCode(200)
        .body("items.id", contains(prize))
        .body("items[0].title", equalTo("Prix du jury"))
        .body("items[0].recipients", equalTo(2))
        .body("items[0].learnerIds", nullValue());
    // another learner's account leads elsewhere; staff and partners have their own lists
    Api.as("learner-ma").get(MINE).then().statusCode(200).body("items.id", empty());
    Api.as("site-staff-fr").get(MINE).then().statusCode(403);
    Api.as("partner-fr").get(MINE).then().statusCode(403);
    given().get(MINE).then().statusCode(401);

    // an older announcement (a replay of an earlier link) does not move the account
    UUID older = UUID.randomUUID();
    sendTwiceAndAwait(
        Announced.learnerAccountLinked(older, UUID.randomUUID(), subject, "FR", linkedAt(-60)),
        older);
    Api.as("learner-fr").get(MINE).then().body("items.id", contains(prize));

    // the person erased: their account no longer leads to the prizes
    UUID erased = UUID.randomUUID();
    sendTwiceAndAwait(Announced.applicantErased(erased, learner, "FR"), erased);
    Api.as("learner-fr").get(MINE).then().statusCode(200).body("items.id", empty());
  }
}
