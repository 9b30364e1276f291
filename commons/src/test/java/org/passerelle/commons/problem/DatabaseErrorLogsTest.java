package org.passerelle.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.CapturedLogs;

/**
 * PostgreSQL's error texts quote the values they refuse, which can be personal data (an email in a
 * unique violation, a name in a cast error). Hibernate logs those texts; every service's shared
 * configuration keeps them out of the logs, and the problem mappers still answer the request.
 */
@QuarkusTest
class DatabaseErrorLogsTest {

  @Inject EntityManager entityManager;

  @Test
  void aValueTheDatabaseRefusesNeverReachesTheLogs() {
    String personal = "amina.benali@example.org";
    List<String> logged;
    try (CapturedLogs logs = CapturedLogs.all()) {
      assertThatThrownBy(
              () ->
                  QuarkusTransaction.requiringNew()
                      .run(
                          () ->
                              entityManager
                                  .createNativeQuery("select cast(:value as date)")
                                  .setParameter("value", personal)
                                  .getSingleResult()))
          // The database's own text quotes the value (in whatever language the cluster speaks).
          .hasStackTraceContaining(personal);
      logged = logs.texts();
    }
    assertThat(logged).noneMatch(line -> line.contains("amina"));
  }
}
