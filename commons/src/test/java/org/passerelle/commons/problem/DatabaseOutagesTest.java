package org.passerelle.commons.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.CapturedLogs;
import org.passerelle.problem.Problem;

/**
 * A request that meets an unavailable database answers 503 problem+json with Retry-After, logged on
 * one WARN line; any other failure stays a logged 500 (issue 21).
 */
@QuarkusTest
class DatabaseOutagesTest {

  private static final String OUTAGES = "/test/outages/";

  @Inject
  @DataSource("scarce")
  AgroalDataSource scarce;

  @Test
  void aServerNothingListensForAnswers503WithRetryAfter() {
    List<LogRecord> logged = logged(() -> unavailable("unreachable", "fr"));
    assertThat(logged)
        .filteredOn(line -> line.getLevel().intValue() >= Level.WARNING.intValue())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.getLevel().intValue()).isEqualTo(Level.WARNING.intValue());
              assertThat(line.getThrown()).isNull();
              assertThat(CapturedLogs.text(line))
                  .contains("/test/outages/unreachable", "SQLState 08001")
                  .doesNotContain("\n", "nobody");
            });
  }

  @Test
  void aPoolWithNoFreeConnectionAnswers503() throws Exception {
    try (Connection held = scarce.getConnection()) {
      assertThat(held.isValid(1)).isTrue();
      unavailable("scarce", "en");
    }
  }

  @Test
  void aServerShuttingDownUnderHibernateOrAWebApplicationExceptionAnswers503() {
    unavailable("shutdown", "ar");
    unavailable("wrapped", "en");
  }

  @Test
  void anyOtherFailureIsStillAnUnexpected500() {
    for (String path : new String[] {"duplicate", "bug"}) {
      List<LogRecord> logged =
          logged(
              () ->
                  given()
                      .get(OUTAGES + path)
                      .then()
                      .statusCode(500)
                      .contentType(Problem.MEDIA_TYPE)
                      .header("Retry-After", nullValue())
                      .body("type", equalTo(Problem.TYPE_BASE + "internal-error")));
      assertThat(logged)
          .anySatisfy(
              line -> {
                assertThat(line.getLevel().intValue()).isEqualTo(Level.SEVERE.intValue());
                assertThat(line.getThrown()).isNotNull();
              });
    }
  }

  /** Quarkus' readiness check of the data sources already tells an unreachable one: DOWN. */
  @Test
  void readinessIsDownWhileADataSourceIsUnreachable() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(503)
        .body(
            "checks.find { it.name == 'Database connections health check' }.status",
            equalTo("DOWN"))
        .body(
            "checks.find { it.name == 'Database connections health check' }.data.'<default>'",
            equalTo("UP"))
        .body(containsString("unreachable"));
  }

  private static void unavailable(String path, String language) {
    given()
        .header("Accept-Language", language)
        .get(OUTAGES + path)
        .then()
        .statusCode(503)
        .contentType(Problem.MEDIA_TYPE)
        .header("Retry-After", equalTo("3"))
        .header("Content-Language", language)
        .body("type", equalTo(Problem.TYPE_BASE + "service-unavailable"))
        .body("status", equalTo(503))
        .body("detail", containsString("3"))
        .body("instance", equalTo(OUTAGES + path));
  }

  /** What this package's mappers log while {@code action} runs. */
  private static List<LogRecord> logged(Runnable action) {
    try (CapturedLogs logs = CapturedLogs.all()) {
      action.run();
      return logs.records().stream()
          .filter(
              logRecord ->
                  logRecord.getLoggerName() != null
                      && logRecord.getLoggerName().startsWith("org.passerelle.commons.problem"))
          .toList();
    }
  }
}
