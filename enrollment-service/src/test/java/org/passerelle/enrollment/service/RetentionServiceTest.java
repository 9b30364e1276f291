package org.passerelle.enrollment.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.enrollment.RetentionRun;
import org.passerelle.enrollment.testing.DatabaseScan;
import org.passerelle.enrollment.testing.Db;
import org.passerelle.enrollment.testing.ErasedRecords;
import org.passerelle.enrollment.testing.Fixtures;
import org.passerelle.enrollment.testing.Person;

/** The retention job itself: the schedule's runs, and failures that stop nobody else. */
@QuarkusTest
class RetentionServiceTest {

  @Inject RetentionService retention;
  @Inject EntityManager entityManager;

  private String dueApplicant(Person person, int months) {
    String staff = person.country().equals("FR") ? "site-staff-fr" : "site-staff-ma";
    JsonNode application =
        person.submit(
            staff,
            Fixtures.openIntake(entityManager, person.site()),
            "[\"REFUGEE\", \"DISABILITY\", \"PRIORITY_NEIGHBOURHOOD\"]");
    String applicantId = application.path("applicant").path("id").asText();
    // Selection went on: staff's evaluation and words about the person.
    Db.execute(
        entityManager,
        "update application set status = 'SCREENING', test_score = 64, interview_notes = ?1"
            + " where applicant_id = ?2",
        "Met " + person.firstName(),
        UUID.fromString(applicantId));
    Db.age(entityManager, applicantId, months);
    return applicantId;
  }

  @Test
  void theScheduledJobRunsEveryConfiguredCountry() {
    Person frenchPerson = Person.of("FR");
    String french = dueApplicant(frenchPerson, 26);
    String moroccan = dueApplicant(Person.of("MA"), 13);
    String recentMoroccan = dueApplicant(Person.of("MA"), 11);
    long before =
        Api.count(entityManager, "select count(*) from retention_run where trigger = 'SCHEDULE'");

    retention.scheduled();

    assertThat(Db.erased(entityManager, french)).isTrue();
    assertThat(Db.erased(entityManager, moroccan)).isTrue();
    assertThat(Db.erased(entityManager, recentMoroccan)).isFalse();
    // Retention erases as the right to erasure does: nothing personal, no special category left.
    assertThat(DatabaseScan.occurrences(entityManager, frenchPerson.personalValues())).isEmpty();
    assertThat(ErasedRecords.assertOnlyCategoriesKept(entityManager, french))
        .containsEntry("priority_neighbourhood", true)
        .containsEntry("education_band", "ABOVE_BAC")
        .doesNotContainKeys("refugee", "disability", "education_level", "birth_date");
    ErasedRecords.assertOnlyCategoriesKept(entityManager, moroccan);
    assertThat(
            Db.value(
                entityManager,
                "select refugee and disability from applicant where id = ?1",
                UUID.fromString(recentMoroccan)))
        .isEqualTo(true);
    assertThat(
            Api.count(
                entityManager,
                "select count(*) from retention_run where trigger = 'SCHEDULE'"
                    + " and status = 'SUCCEEDED' and finished_at is not null"
                    + " and country in ('FR', 'MA')"))
        .isEqualTo(before + 2);
  }

  @Test
  void anApplicantThatCannotBeErasedIsCountedAndTheOthersStillGo() {
    Person failing = Person.of("FR");
    String blocked = dueApplicant(failing, 30);
    String erasable = dueApplicant(Person.of("FR"), 30);
    // The database refuses to change that one person, quoting their name in its error.
    Db.execute(
        entityManager,
        "create or replace function test_refuse_erasure() returns trigger as $$ begin"
            + " if old.last_name = '"
            + failing.lastName()
            + "' then raise exception 'cannot change %', old.last_name; end if;"
            + " return new; end $$ language plpgsql");
    Db.execute(
        entityManager,
        "create trigger test_refuse_erasure before update on applicant for each row"
            + " execute function test_refuse_erasure()");
    RetentionRun run;
    try {
      run = retention.run("FR", RetentionService.MANUAL).orElseThrow();
    } finally {
      Db.execute(entityManager, "drop trigger test_refuse_erasure on applicant");
      Db.execute(entityManager, "drop function test_refuse_erasure()");
      // No longer due, so later runs are not failed by it.
      Db.execute(
          entityManager,
          "update applicant set updated_at = now() where id = ?1",
          UUID.fromString(blocked));
    }
    assertThat(run.status).isEqualTo(RetentionService.FAILED);
    assertThat(run.erased).isEqualTo(1);
    assertThat(run.finishedAt).isNotNull();
    assertThat(run.error)
        .startsWith("1 applicant(s) could not be erased")
        .doesNotContain(failing.lastName());
    assertThat(Db.erased(entityManager, erasable)).isTrue();
    assertThat(Db.erased(entityManager, blocked)).isFalse();
    // Its failed erasure left nothing half-done.
    assertThat(
            Api.count(
                entityManager,
                "select count(*) from application where status = 'WITHDRAWN' and applicant_id = '"
                    + blocked
                    + "'"))
        .isZero();
    assertThat(
            Api.count(
                entityManager,
                "select count(*) from retention_run where status = 'FAILED' and id = '"
                    + run.id
                    + "' and error not like '%"
                    + failing.lastName()
                    + "%'"))
        .isEqualTo(1);
  }
}
