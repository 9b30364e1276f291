package org.passerelle.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

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
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord logRecord) {
            StringWriter text = new StringWriter();
            text.append(String.valueOf(logRecord.getMessage()));
            if (logRecord.getParameters() != null) {
              for (Object parameter : logRecord.getParameters()) {
                text.append(' ').append(String.valueOf(parameter));
              }
            }
            if (logRecord.getThrown() != null) {
              logRecord.getThrown().printStackTrace(new PrintWriter(text));
            }
            logged.add(text.toString());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    root.addHandler(capture);
    try {
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
    } finally {
      root.removeHandler(capture);
    }
    assertThat(logged).noneMatch(line -> line.contains("amina"));
  }
}
