package org.passerelle.cohort.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.api.CohortView;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.cohort.testing.SqlStatements;
import org.passerelle.cohort.testing.SqlStatements.Watched;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;

/**
 * What reading one resource costs the database (issue 18): the statements the service sends for one
 * GET, counted on the calling thread. A cohort is one read of its row, seats included, and no
 * transaction to begin and commit.
 */
@QuarkusTest
class SingleReadsTest {

  private static final AccessScope ADMIN =
      new AccessScope(
          "reader", Set.of(Roles.PLATFORM_ADMIN), Optional.empty(), Set.of(), Optional.empty());

  @Inject CohortService cohorts;

  @Test
  void aCohortIsOneStatementOutsideAnyTransaction() {
    UUID cohort =
        Cohorts.cohort(
            "FR-SEVRAN", "WEB-DEV", CohortStatus.RECRUITING, 12, LocalDate.now().plusMonths(2));
    Cohorts.learners(cohort, LearnerStatus.ENROLLED, 3);
    Cohorts.learners(cohort, LearnerStatus.WITHDRAWN, 1);

    Watched<CohortView> read = SqlStatements.during(() -> cohorts.get(cohort, ADMIN));

    assertThat(read.result().seatsTaken()).isEqualTo(3);
    assertThat(read.statements())
        .as("one statement: the cohort's row")
        .singleElement()
        .satisfies(
            statement -> {
              assertThat(statement.sql()).doesNotContain("cohort_learner");
              assertThat(statement.inTransaction()).isFalse();
            });
  }
}
