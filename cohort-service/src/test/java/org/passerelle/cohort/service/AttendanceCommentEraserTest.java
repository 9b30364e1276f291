package org.passerelle.cohort.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.rest.AttendanceDays;
import org.passerelle.cohort.testing.Cohorts;

/** Erasing a person blanks staff's attendance comments on them, in every cohort, and only those. */
@QuarkusTest
class AttendanceCommentEraserTest {

  @Inject EntityManager entityManager;
  @Inject AttendanceCommentEraser eraser;
  @Inject @Any Instance<LearnerTextEraser> erasers;

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(UUID learnerId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                entityManager
                    .createNativeQuery(
                        "select a.status, a.comment, a.recorded_by from attendance a join"
                            + " cohort_learner l on l.id = a.cohort_learner_id where"
                            + " l.learner_id = ?1 order by a.session_date")
                    .setParameter(1, learnerId)
                    .getResultList());
  }

  @Test
  void blanksTheLearnersCommentsAcrossCohortsAndKeepsTheDays() {
    UUID person = UUID.randomUUID();
    UUID first = Cohorts.running("FR-SEVRAN", 10);
    UUID second = Cohorts.running("FR-CERGY", 10);
    UUID other = Cohorts.learners(first, LearnerStatus.ACTIVE, 1).get(0);
    // withdrew from the first cohort today, now active in the second
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Cohorts.learner(first, person, LearnerStatus.WITHDRAWN);
              Cohorts.learner(second, person, LearnerStatus.ACTIVE);
            });
    LocalDate day = LocalDate.now().minusDays(5);
    AttendanceDays.of(List.of(other))
        .set(other, "LATE", "train late again")
        .set(person, "EXCUSED_ABSENCE", "hospital, see certificate")
        .put("platform-admin", first, day)
        .statusCode(200);
    AttendanceDays.of(List.of(person))
        .set(person, "UNEXCUSED_ABSENCE", "mentions personal difficulties")
        .put("platform-admin", second, day.plusDays(1))
        .statusCode(200);
    AttendanceDays.of(List.of(person))
        .put("platform-admin", second, day.plusDays(2))
        .statusCode(200);

    int erased = QuarkusTransaction.requiringNew().call(() -> eraser.erase(person));

    assertThat(erased).isEqualTo(2);
    List<Object[]> kept = rows(person);
    assertThat(kept).hasSize(3);
    assertThat(kept).extracting(row -> row[1]).containsOnlyNulls();
    assertThat(kept)
        .extracting(row -> row[0])
        .containsExactly("EXCUSED_ABSENCE", "UNEXCUSED_ABSENCE", "PRESENT");
    assertThat(kept).extracting(row -> row[2]).doesNotContainNull();
    assertThat(rows(other)).extracting(row -> row[1]).containsExactly("train late again");
    // nothing left to erase the second time, nor for someone never recorded
    assertThat(QuarkusTransaction.requiringNew().call(() -> eraser.erase(person))).isZero();
    assertThat(QuarkusTransaction.requiringNew().call(() -> eraser.erase(UUID.randomUUID())))
        .isZero();
    // the applicant-erased handler finds it among the erasers
    assertThat(erasers.stream().map(Object::getClass).map(Class::getName))
        .anyMatch(name -> name.startsWith(AttendanceCommentEraser.class.getName()));
  }
}
