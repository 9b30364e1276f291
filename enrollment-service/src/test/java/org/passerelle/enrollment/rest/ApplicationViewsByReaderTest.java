package org.passerelle.enrollment.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.enrollment.service.SeatOutcomeService;
import org.passerelle.enrollment.testing.Callers;
import org.passerelle.enrollment.testing.Db;
import org.passerelle.enrollment.testing.Fixtures;
import org.passerelle.enrollment.testing.ImportJobs;
import org.passerelle.enrollment.testing.Person;

/**
 * What each reader sees of an application (ADR 0012): staff everything; the learner their own
 * without the screening and who decided; a regional office's system (integration) codes, never
 * staff's words, evaluation or accounts, on every path that answers with an application.
 */
@QuarkusTest
class ApplicationViewsByReaderTest {

  private static final String APPLICATIONS = Fixtures.APPLICATIONS;
  private static final String IMPORTS = APPLICATIONS + "/imports";
  private static final String NOTES = "Hesitant at the interview, family worries";
  private static final String REJECTION = "Project not mature, see the interview";
  private static final String STAFF_WITHDRAWAL = "Called us, moving to Lyon for family reasons";

  @Inject EntityManager entityManager;
  @Inject SeatOutcomeService seats;

  private UUID intake;
  private String staffSubject;

  @BeforeEach
  void intake() {
    intake = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    staffSubject = Tokens.subject("site-staff-fr");
  }

  /** An application the regional office sent under its reference; returns its JSON. */
  private JsonNode fromOffice(Person person, String reference) {
    return Person.read(
        Callers.as("integration-fr")
            .body(person.body(intake, reference, "[]"))
            .post(APPLICATIONS)
            .then()
            .statusCode(201)
            .body("screening", nullValue())
            .body("decision", nullValue())
            .extract()
            .asString());
  }

  private void staff(String id, String action, String body) {
    Api.as("site-staff-fr")
        .body(body == null ? "{}" : body)
        .post(APPLICATIONS + "/" + id + "/" + action)
        .then()
        .statusCode(200);
  }

  private String read(String caller, String id) {
    return Callers.as(caller)
        .get(APPLICATIONS + "/" + id)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private static void assertNoStaffWords(String json, String staffSubject) {
    assertThat(json).doesNotContain(NOTES, REJECTION, STAFF_WITHDRAWAL, staffSubject);
  }

  @Test
  void anOfficeReadsCodesWhereStaffReadTheirWordsAndScore() {
    Person person = Person.of("FR");
    String reference = "OFFICE-" + UUID.randomUUID();
    JsonNode sent = fromOffice(person, reference);
    String id = sent.path("id").asText();
    staff(id, "screen", "{\"testScore\": 37, \"interviewNotes\": \"" + NOTES + "\"}");
    staff(id, "reject", "{\"reason\": \"" + REJECTION + "\"}");

    // Staff see the evaluation, their words and who decided.
    Callers.as("site-staff-fr")
        .get(APPLICATIONS + "/" + id)
        .then()
        .statusCode(200)
        .body("screening.testScore", equalTo(37))
        .body("screening.interviewNotes", equalTo(NOTES))
        .body("decision.reason", equalTo(REJECTION))
        .body("decision.decidedBy", equalTo(staffSubject))
        .body("decision.decidedByType", equalTo("STAFF"))
        .body("decision.decidedByActor.type", equalTo("PERSON"))
        .body("decision.decidedByActor.id", equalTo(staffSubject))
        .body("decision.decidedByActor.displayName", nullValue());

    // The office gets the outcome, that staff decided and when, and its own reference.
    String office = read("integration-fr", id);
    assertNoStaffWords(office, staffSubject);
    Callers.as("integration-fr")
        .get(APPLICATIONS + "/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("REJECTED"))
        .body("externalRef", equalTo(reference))
        .body("screening", nullValue())
        .body("decision.reason", nullValue())
        .body("decision.decidedBy", nullValue())
        .body("decision.decidedByType", equalTo("STAFF"))
        .body("decision.decidedByActor.type", equalTo("PERSON"))
        .body("decision.decidedByActor.id", nullValue())
        .body("decision.decidedByActor.displayName", nullValue())
        .body("decision.decidedAt", notNullValue())
        .body("applicant.lastName", equalTo(person.lastName()));

    // Its list: no score; staff's list: the score.
    String officeList =
        Callers.as("integration-fr")
            .queryParam("intakeId", intake.toString())
            .get(APPLICATIONS)
            .then()
            .statusCode(200)
            .body("total", equalTo(1))
            .body("items[0].id", equalTo(id))
            .body("items.testScore", everyItem(nullValue()))
            .extract()
            .asString();
    assertNoStaffWords(officeList, staffSubject);
    Api.as("site-staff-fr")
        .queryParam("intakeId", intake.toString())
        .get(APPLICATIONS)
        .then()
        .statusCode(200)
        .body("items[0].testScore", equalTo(37));

    // Sending the same application again answers it as it now stands, for the office.
    String resent =
        Callers.as("integration-fr")
            .body(person.body(intake, reference, "[]"))
            .post(APPLICATIONS)
            .then()
            .statusCode(201)
            .body("id", equalTo(id))
            .body("screening", nullValue())
            .body("decision.decidedByType", equalTo("STAFF"))
            .extract()
            .asString();
    assertNoStaffWords(resent, staffSubject);

    // Its import of the same row reports it unchanged, by id and reference only.
    String report =
        ImportJobs.ended(
                Callers.as("integration-fr")
                    .body("{\"rows\": [" + person.body(intake, reference, "[]") + "]}")
                    .post(IMPORTS))
            .then()
            .statusCode(200)
            .body("rows[0].outcome", equalTo("UNCHANGED"))
            .body("rows[0].applicationId", equalTo(id))
            .extract()
            .asString();
    assertNoStaffWords(report, staffSubject);
    assertThat(report).doesNotContain("testScore", "screening", "decision");
    String importId = Person.read(report).path("id").asText();
    assertNoStaffWords(
        Callers.as("integration-fr")
            .get(IMPORTS + "/" + importId)
            .then()
            .statusCode(200)
            .extract()
            .asString(),
        staffSubject);

    // What the office was shown changed nothing.
    assertThat(
            Db.value(
                entityManager,
                "select test_score || ' ' || interview_notes || ' ' || decision_reason"
                    + " || ' ' || decided_by from application where id = ?1",
                UUID.fromString(id)))
        .isEqualTo("37 " + NOTES + " " + REJECTION + " " + staffSubject);
  }

  @Test
  void anOfficeReadsTheExitReasonCodeWhenTheLearnerLeftButNotStaffsWithdrawalWords() {
    Person leaving = Person.of("FR");
    JsonNode sent = fromOffice(leaving, "OFFICE-" + UUID.randomUUID());
    String left = sent.path("id").asText();
    UUID learnerId = UUID.fromString(sent.path("applicant").path("learnerId").asText());
    staff(left, "screen", "{\"interviewNotes\": \"" + NOTES + "\"}");
    staff(left, "accept", "{\"reason\": \"" + REJECTION + "\"}");
    Db.execute(
        entityManager,
        "update application set status = 'ENROLLED' where id = ?1",
        UUID.fromString(left));
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> seats.seatLeft(UUID.fromString(left), learnerId, "FOUND_JOB")))
        .isTrue();

    Callers.as("integration-fr")
        .get(APPLICATIONS + "/" + left)
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"))
        .body("decision.reason", equalTo("FOUND_JOB"))
        .body("decision.decidedBy", nullValue())
        .body("decision.decidedByType", equalTo("SYSTEM"))
        .body("decision.decidedByActor.type", equalTo("SYSTEM"))
        .body("decision.decidedByActor.id", nullValue())
        .body("withdrawalReason", nullValue());
    Api.as("site-staff-fr")
        .get(APPLICATIONS + "/" + left)
        .then()
        .statusCode(200)
        .body("decision.decidedBy", equalTo(SeatOutcomeService.COHORT_ACTOR))
        .body("decision.decidedByType", equalTo("SYSTEM"))
        .body("decision.decidedByActor.type", equalTo("SYSTEM"))
        .body("decision.decidedByActor.id", equalTo("cohort-service"))
        .body("decision.decidedByActor.displayName", equalTo("cohort-service"))
        .body("withdrawalReason", equalTo("FOUND_JOB"));

    // Staff withdraw another on the person's behalf, in their words.
    String withdrawn =
        fromOffice(Person.of("FR"), "OFFICE-" + UUID.randomUUID()).path("id").asText();
    staff(withdrawn, "withdraw", "{\"reason\": \"" + STAFF_WITHDRAWAL + "\"}");
    String office = read("integration-fr", withdrawn);
    assertNoStaffWords(office, staffSubject);
    assertThat(Person.read(office).path("withdrawalReason").isNull()).isTrue();
    Api.as("site-staff-fr")
        .get(APPLICATIONS + "/" + withdrawn)
        .then()
        .statusCode(200)
        .body("withdrawalReason", equalTo(STAFF_WITHDRAWAL));
  }

  @Test
  void theLearnerReadsTheReasonButNeitherTheScreeningNorWhoDecided() {
    String id = Fixtures.submit("learner-fr", intake, "FR-SEVRAN");
    staff(id, "screen", "{\"testScore\": 64, \"interviewNotes\": \"" + NOTES + "\"}");
    staff(id, "reject", "{\"reason\": \"" + REJECTION + "\"}");

    Api.as("learner-fr")
        .get(APPLICATIONS + "/" + id)
        .then()
        .statusCode(200)
        .body("screening", nullValue())
        .body("decision.reason", equalTo(REJECTION))
        .body("decision.decidedBy", nullValue())
        .body("decision.decidedByType", equalTo("STAFF"))
        .body("decision.decidedByActor.type", equalTo("PERSON"))
        .body("decision.decidedByActor.id", nullValue());
    String list =
        Api.as("learner-fr")
            .get(APPLICATIONS)
            .then()
            .statusCode(200)
            .body("items.find { it.id == '" + id + "' }.testScore", nullValue())
            .extract()
            .asString();
    assertThat(list).doesNotContain(NOTES, staffSubject);
    assertThat(read("site-staff-fr", id)).contains(NOTES, staffSubject);
  }
}
