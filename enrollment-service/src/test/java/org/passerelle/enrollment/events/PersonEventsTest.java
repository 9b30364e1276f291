package org.passerelle.enrollment.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.EventSchemas;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.enrollment.testing.Fixtures;
import org.passerelle.enrollment.testing.Person;

/**
 * Issue 16, ADR 0023: the events other services need to answer a learner about themself and to use
 * a purpose only with consent. learner-account-linked goes out in the transaction that links an
 * account (a learner's own new record, or a staff-made one reached by their verified email), once;
 * consent-changed whenever the follow-up / CV-sharing set in force changes, and only then. Both
 * reach Kafka through the outbox and match their schemas; the migration announces the links and
 * consents made before.
 */
@QuarkusTest
class PersonEventsTest {

  private static final String APPLICANTS = "/api/v1/applicants/";
  private static final String LINKED = "org.passerelle.enrollment.learner-account-linked.v1";
  private static final String CONSENTS = "org.passerelle.enrollment.consent-changed.v1";
  private static final String MIGRATION =
      "db/migration/V2026.12.06.30__announce_linked_accounts_and_consents.sql";

  @Inject EntityManager entityManager;
  @Inject DataSource dataSource;

  /** The data of this person's events of this type, oldest first, each checked on its schema. */
  private List<JsonNode> events(String type, String learnerId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              @SuppressWarnings("unchecked")
              List<String> rows =
                  entityManager
                      .createNativeQuery(
                          "select data::text from outbox_event where type = ?1"
                              + " and aggregate_id = ?2 order by seq",
                          String.class)
                      .setParameter(1, type)
                      .setParameter(2, UUID.fromString(learnerId))
                      .getResultList();
              rows.forEach(data -> EventSchemas.assertValid(type, data));
              return rows.stream().map(Person::read).toList();
            });
  }

  /** Waits until the relay had the broker acknowledge every event of this person of this type. */
  private void awaitSent(String type, String learnerId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Api.count(
                        entityManager,
                        "select count(*) from outbox_event where sent_at is null and type = '"
                            + type
                            + "' and aggregate_id = '"
                            + learnerId
                            + "'")
                    == 0);
  }

  private static String learnerId(JsonNode application) {
    return application.path("applicant").path("learnerId").asText();
  }

  private static String applicantId(JsonNode application) {
    return application.path("applicant").path("id").asText();
  }

  private static void record(String caller, String applicantId, String consents) {
    Api.as(caller)
        .body(consents)
        .post(APPLICANTS + applicantId + "/consents")
        .then()
        .statusCode(201);
  }

  @Test
  void anAccountIsAnnouncedOnceWhenItsRecordIsCreatedOrLinkedByTheVerifiedEmail() {
    String subject = Tokens.subject("learner-ma");
    // Start from a learner with no record in Morocco: they erase the one they may have.
    JsonNode previous =
        Person.of("MA").submit("learner-ma", Fixtures.openIntake(entityManager, "MA-FES"));
    Api.as("learner-ma").post(APPLICANTS + applicantId(previous) + "/erase").then().statusCode(200);

    // The learner's own new record: linked as it is made, announced once however often they apply.
    JsonNode own =
        Person.of("MA").submit("learner-ma", Fixtures.openIntake(entityManager, "MA-FES"));
    Person.of("MA").submit("learner-ma", Fixtures.openIntake(entityManager, "MA-CASABLANCA"));
    List<JsonNode> linked = events(LINKED, learnerId(own));
    assertThat(linked).hasSize(1);
    assertThat(linked.get(0).path("learnerId").asText()).isEqualTo(learnerId(own));
    assertThat(linked.get(0).path("accountSubject").asText()).isEqualTo(subject);
    assertThat(linked.get(0).path("country").asText()).isEqualTo("MA");
    assertThat(linked.get(0).path("linkedAt").asText()).isNotBlank();
    awaitSent(LINKED, learnerId(own));

    // Erased: the link the broker already had is no longer kept in the outbox.
    Api.as("learner-ma").post(APPLICANTS + applicantId(own) + "/erase").then().statusCode(200);
    assertThat(events(LINKED, learnerId(own))).isEmpty();

    // A record staff made carries no account, and announces none...
    JsonNode staffMade =
        Person.of("MA")
            .withEmail(Tokens.email("learner-ma"))
            .submit("site-staff-ma", Fixtures.openIntake(entityManager, "MA-FES"));
    assertThat(events(LINKED, learnerId(staffMade))).isEmpty();
    // ...until the learner whose verified email it holds applies: their account now leads to it.
    JsonNode joined =
        Person.of("MA").submit("learner-ma", Fixtures.openIntake(entityManager, "MA-CASABLANCA"));
    assertThat(learnerId(joined)).isEqualTo(learnerId(staffMade));
    linked = events(LINKED, learnerId(staffMade));
    assertThat(linked).hasSize(1);
    assertThat(linked.get(0).path("accountSubject").asText()).isEqualTo(subject);
    awaitSent(LINKED, learnerId(staffMade));
  }

  @Test
  void consentsChangedAreAnnouncedWithTheWholeSetAndRepeatsAreNot() {
    JsonNode application =
        Person.of("FR").submit("site-staff-fr", Fixtures.openIntake(entityManager, "FR-SEVRAN"));
    String learnerId = learnerId(application);
    String applicantId = applicantId(application);
    // The submission recorded processing and follow-up contact: follow-up is announced.
    List<JsonNode> changes = events(CONSENTS, learnerId);
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).path("consentedPurposes").toString())
        .isEqualTo("[\"FOLLOW_UP_CONTACT\"]");
    assertThat(changes.get(0).path("country").asText()).isEqualTo("FR");

    // Saying again what is in force, or about processing only, changes nothing others use.
    record(
        "site-staff-fr",
        applicantId,
        "[{\"purpose\": \"FOLLOW_UP_CONTACT\", \"granted\": true},"
            + " {\"purpose\": \"APPLICATION_PROCESSING\", \"granted\": true}]");
    assertThat(events(CONSENTS, learnerId)).hasSize(1);

    // Staff on the person's behalf: CV sharing granted, the whole set in force goes out.
    record("country-admin-fr", applicantId, "[{\"purpose\": \"CV_SHARING\", \"granted\": true}]");
    changes = events(CONSENTS, learnerId);
    assertThat(changes).hasSize(2);
    assertThat(changes.get(1).path("consentedPurposes").toString())
        .isEqualTo("[\"FOLLOW_UP_CONTACT\",\"CV_SHARING\"]");

    // Both withdrawn: an empty set, which consumers apply like any other.
    record(
        "site-staff-fr",
        applicantId,
        "[{\"purpose\": \"CV_SHARING\", \"granted\": false},"
            + " {\"purpose\": \"FOLLOW_UP_CONTACT\", \"granted\": false}]");
    changes = events(CONSENTS, learnerId);
    assertThat(changes).hasSize(3);
    assertThat(changes.get(2).path("consentedPurposes").toString()).isEqualTo("[]");
    awaitSent(CONSENTS, learnerId);

    // A refused request announces nothing.
    Api.as("site-staff-ma")
        .body("[{\"purpose\": \"CV_SHARING\", \"granted\": true}]")
        .post(APPLICANTS + applicantId + "/consents")
        .then()
        .statusCode(404);
    assertThat(events(CONSENTS, learnerId)).hasSize(3);
  }

  @Test
  void theLearnerChangingTheirOwnConsentIsAnnounced() {
    JsonNode application =
        Person.of("FR").submit("learner-fr", Fixtures.openIntake(entityManager, "FR-SEVRAN"));
    String learnerId = learnerId(application);
    int before = events(CONSENTS, learnerId).size();
    boolean sharing =
        Api.as("learner-fr")
            .get(APPLICANTS + applicantId(application) + "/consents")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("current.findAll { it.purpose == 'CV_SHARING' && it.granted }")
            .isEmpty();
    record(
        "learner-fr",
        applicantId(application),
        "[{\"purpose\": \"CV_SHARING\", \"granted\": " + sharing + "}]");
    List<JsonNode> changes = events(CONSENTS, learnerId);
    assertThat(changes).hasSize(before + 1);
    assertThat(changes.getLast().path("consentedPurposes").toString().contains("CV_SHARING"))
        .isEqualTo(sharing);
  }

  @Test
  void theMigrationAnnouncesTheLinksAndConsentsMadeBeforeTheEvents()
      throws IOException, SQLException {
    JsonNode application =
        Person.of("FR").submit("learner-fr", Fixtures.openIntake(entityManager, "FR-SEVRAN"));
    String learnerId = learnerId(application);
    String sql;
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(MIGRATION)) {
      assertThat(in).as(MIGRATION).isNotNull();
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // Run again in a transaction rolled back: what it would announce about this learner today.
    List<Object[]> announced = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
      try (PreparedStatement select =
          connection.prepareStatement(
              "select type, data::text, topic, source from outbox_event where aggregate_id = ?"
                  + " and sent_at is null and created_at = now() order by seq")) {
        select.setObject(1, UUID.fromString(learnerId));
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            announced.add(
                new Object[] {
                  rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)
                });
          }
        }
      } finally {
        connection.rollback();
      }
    }
    assertThat(announced).extracting(row -> row[0]).containsExactly(LINKED, CONSENTS);
    for (Object[] row : announced) {
      EventSchemas.assertValid((String) row[0], (String) row[1]);
      assertThat(row[2]).isEqualTo("enrollment.events");
      assertThat(row[3]).isEqualTo("/enrollment");
    }
    JsonNode link = Person.read((String) announced.get(0)[1]);
    assertThat(link.path("accountSubject").asText()).isEqualTo(Tokens.subject("learner-fr"));
    JsonNode consents = Person.read((String) announced.get(1)[1]);
    // The same set the service would announce now, from the newest record per purpose.
    List<JsonNode> emitted = events(CONSENTS, learnerId);
    if (!emitted.isEmpty()) {
      assertThat(consents.path("consentedPurposes"))
          .isEqualTo(emitted.getLast().path("consentedPurposes"));
    }
  }
}
