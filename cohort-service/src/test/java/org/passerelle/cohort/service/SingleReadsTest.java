package org.passerelle.cohort.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.api.CohortView;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.commons.testing.SqlCounter;

/**
 * What reading one resource costs the database (issue 18): the statements the service sends for one
 * GET, counted on the calling thread by {@link SqlCounter}. A cohort is one read of its row, seats
 * included, and no transaction to commit.
 */
@QuarkusTest
@TestProfile(SingleReadsTest.Counting.class)
class SingleReadsTest {

  /** The data source counts through {@link SqlCounter}. */
  public static class Counting implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.datasource.jdbc.driver", SqlCounter.DRIVER);
    }
  }

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

    String reader = Thread.currentThread().getName();
    SqlCounter.start();
    CohortView read = cohorts.get(cohort, ADMIN);
    List<SqlCounter.Call> calls =
        SqlCounter.of(SqlCounter.stop(), call -> call.thread().equals(reader));

    assertThat(read.seatsTaken()).isEqualTo(3);
    assertThat(calls)
        .as("one statement, the cohort's row, and no transaction to commit")
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.statement()).isTrue();
              assertThat(call.sql()).doesNotContain("cohort_learner");
            });
  }
}
