package org.passerelle.enrollment.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.enrollment.testing.Fixtures.APPLICATIONS;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.enrollment.testing.Callers;
import org.passerelle.enrollment.testing.Db;
import org.passerelle.enrollment.testing.Fixtures;
import org.passerelle.enrollment.testing.Person;

/**
 * Submissions about one person at the same moment run one after the other (ADR 0011, serialised on
 * the person's keys): none writes back what it read before the other committed, two about a new
 * person make one record, and a learner's account linked meanwhile stays linked. Several rounds,
 * each starting its two requests together.
 */
@QuarkusTest
class ApplicantRacesTest {

  private static final int ROUNDS = 6;
  private static final String SENSITIVE = "[\"REFUGEE\", \"DISABILITY\"]";

  @Inject EntityManager entityManager;

  /** Status and body of one request. */
  private record Answer(int status, String body) {
    JsonNode json() {
      return Person.read(body);
    }
  }

  private static Answer post(String caller, String body) {
    Response response =
        Callers.as(caller).header("Accept-Language", "en").body(body).post(APPLICATIONS);
    return new Answer(response.statusCode(), response.asString());
  }

  /** Runs both at the same moment (as far as two threads can) and returns their answers. */
  private static List<Answer> together(List<Callable<Answer>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    CountDownLatch ready = new CountDownLatch(calls.size());
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Answer>> running = new ArrayList<>();
      for (Callable<Answer> call : calls) {
        running.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return call.call();
                }));
      }
      ready.await(30, TimeUnit.SECONDS);
      go.countDown();
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> answer : running) {
        answers.add(answer.get(2, TimeUnit.MINUTES));
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  private long count(String sql) {
    return Api.count(entityManager, sql);
  }

  private long live(String country, String email) {
    return count(
        "select count(*) from applicant where erased_at is null and country = '"
            + country
            + "' and email = '"
            + email
            + "'");
  }

  private Object column(String applicantId, String column) {
    return Db.value(
        entityManager,
        "select " + column + "::text from applicant where id = ?1",
        UUID.fromString(applicantId));
  }

  /** The body without accommodation needs: the caller declares none. */
  private static String withoutNeeds(Person person, String body) {
    return body.replace(
        "\"accommodationNeeds\": \"" + person.accommodationNeeds() + "\"",
        "\"accommodationNeeds\": \"\"");
  }

  @Test
  void twoSubmissionsAboutOneNewPersonAtOnceMakeOneRecord() throws Exception {
    // Warm the token cache first, so that both requests leave together.
    Tokens.of("site-staff-fr");
    Tokens.ofClient("integration-fr");
    for (int round = 0; round < ROUNDS; round++) {
      Person person = Person.of("FR");
      UUID first = Fixtures.openIntake(entityManager, "FR-SEVRAN");
      UUID second = Fixtures.openIntake(entityManager, "FR-SEVRAN");
      List<Answer> answers =
          together(
              List.of(
                  () -> post("site-staff-fr", person.body(first)),
                  () -> post("integration-fr", person.body(second))));

      assertThat(answers).extracting(Answer::status).containsExactly(201, 201);
      String applicant = answers.get(0).json().path("applicant").path("id").asText();
      assertThat(answers.get(1).json().path("applicant").path("id").asText()).isEqualTo(applicant);
      assertThat(live("FR", person.email())).isEqualTo(1);
      assertThat(count("select count(*) from application where applicant_id = '" + applicant + "'"))
          .isEqualTo(2);
      assertThat(column(applicant, "first_name")).isEqualTo(person.firstName());
    }
  }

  @Test
  void twoSubmissionsOfOneNewPersonToOneIntakeAtOnceMakeOneApplicationAndAClearConflict()
      throws Exception {
    Tokens.of("site-staff-fr");
    Tokens.of("country-admin-fr");
    for (int round = 0; round < ROUNDS; round++) {
      Person person = Person.of("FR");
      UUID intake = Fixtures.openIntake(entityManager, "FR-SEVRAN");
      List<Answer> answers =
          together(
              List.of(
                  () -> post("site-staff-fr", person.body(intake)),
                  () -> post("country-admin-fr", person.body(intake))));

      assertThat(answers).extracting(Answer::status).containsExactlyInAnyOrder(201, 409);
      Answer refused = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
      // The person's own conflict, not the database's bare one.
      assertThat(refused.json().path("detail").asText())
          .isEqualTo("This person already has an application to this intake.");
      assertThat(live("FR", person.email())).isEqualTo(1);
      assertThat(
              count(
                  "select count(*) from application p join applicant a on a.id = p.applicant_id"
                      + " where a.email = '"
                      + person.email()
                      + "'"))
          .isEqualTo(1);
    }
  }

  @Test
  void aLearnerLinkingTheirAccountWhileStaffDeclareThemAgainStaysLinked() throws Exception {
    String learnerEmail = Tokens.email("learner-ma");
    String subject = Tokens.subject("learner-ma");
    Tokens.of("site-staff-ma");
    for (int round = 0; round < ROUNDS; round++) {
      // The learner starts with no record in Morocco: the one they may have is erased.
      Object previous =
          Db.value(
              entityManager,
              "select coalesce((select id::text from applicant where country = 'MA'"
                  + " and subject = ?1 and erased_at is null), '')",
              subject);
      if (!previous.toString().isEmpty()) {
        Api.as("learner-ma")
            .post("/api/v1/applicants/" + previous + "/erase")
            .then()
            .statusCode(200);
      }
      // Staff registered them, refugee with needs, before they made their account.
      Person registered = Person.of("MA").withEmail(learnerEmail);
      String staffMade =
          registered
              .submit("site-staff-ma", Fixtures.openIntake(entityManager, "MA-FES"), SENSITIVE)
              .path("applicant")
              .path("id")
              .asText();
      assertThat(column(staffMade, "subject")).isNull();

      // Now the learner applies (their account links the record) while staff, who may not read
      // the sensitive fields, declare the person again: nothing priority, no needs.
      Person own = Person.of("MA").withEmail(learnerEmail);
      Person again = Person.of("MA").withEmail(learnerEmail);
      UUID casablanca = Fixtures.openIntake(entityManager, "MA-CASABLANCA");
      UUID fes = Fixtures.openIntake(entityManager, "MA-FES");
      List<Answer> answers =
          together(
              List.of(
                  () -> post("learner-ma", withoutNeeds(own, own.body(casablanca))),
                  () -> post("site-staff-ma", withoutNeeds(again, again.body(fes)))));

      assertThat(answers).extracting(Answer::status).containsExactly(201, 201);
      assertThat(answers)
          .extracting(answer -> answer.json().path("applicant").path("id").asText())
          .containsOnly(staffMade);
      assertThat(live("MA", learnerEmail)).isEqualTo(1);
      assertThat(column(staffMade, "subject")).isEqualTo(subject);
      // Whichever ran first, the learner's declaration is the record's, and what staff recorded
      // and neither of them may blank is kept.
      assertThat(column(staffMade, "first_name")).isEqualTo(own.firstName());
      assertThat(column(staffMade, "refugee")).isEqualTo("true");
      assertThat(column(staffMade, "disability")).isEqualTo("true");
      assertThat(column(staffMade, "accommodation_needs"))
          .isEqualTo(registered.accommodationNeeds());
      assertThat(
              count(
                  "select count(*) from sensitive_data_access where action = 'LINK'"
                      + " and applicant_id = '"
                      + staffMade
                      + "'"))
          .isEqualTo(1);
    }
  }
}
