package org.passerelle.enrollment.rest;

import static io.restassured.RestAssured.given;
import static io.restassured.config.EncoderConfig.encoderConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.problem.DatabaseOutage;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.enrollment.service.ApplicationCsv;
import org.passerelle.enrollment.service.ApplicationImportService;
import org.passerelle.enrollment.service.ApplicationImportWorker;
import org.passerelle.enrollment.testing.Fixtures;
import org.passerelle.enrollment.testing.ImportJobs;

/**
 * Bulk imports over HTTP with real Keycloak tokens, the real database and the real broker: each row
 * on its own, idempotent by externalRef and Idempotency-Key, reports without personal data, and the
 * scope of each role.
 */
@QuarkusTest
public class ApplicationImportResourceTest {

  private static final String IMPORTS = "/api/v1/applications/imports";
  private static final String CSV_UTF8 = "text/csv; charset=UTF-8";
  private static final List<String> COLUMNS =
      ApplicationCsv.COLUMNS.stream().map(ApplicationCsv.Column::name).toList();

  /** Values that must never reach a report. */
  private static final String FIRST_NAME = "Zephyrine";

  private static final String LAST_NAME = "Quillondor";
  private static final String ADDRESS = "7 impasse des Glycines";

  @Inject EntityManager entityManager;
  @Inject ObjectMapper mapper;
  @Inject Scheduler scheduler;
  @Inject ApplicationImportService imports;

  private String run;
  private UUID frIntake;
  private UUID maIntake;

  @BeforeEach
  void intakes() {
    run = UUID.randomUUID().toString().substring(0, 8);
    frIntake = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    maIntake = Fixtures.openIntake(entityManager, "MA-FES");
  }

  // ------------------------------------------------------------------------------- helpers

  private static RequestSpecification office(String client) {
    return given().header("Authorization", "Bearer " + Tokens.ofClient(client));
  }

  private static RequestSpecification user(String username) {
    return given().header("Authorization", Tokens.bearer(username));
  }

  private String email(String ref) {
    return ("zeph." + ref + "@example.org").toLowerCase(java.util.Locale.ROOT);
  }

  /** A valid row of a person living in the intake's country. */
  private Map<String, String> row(String ref, UUID intake, String site) {
    boolean france = site.startsWith("FR");
    Map<String, String> row = new LinkedHashMap<>();
    row.put("externalRef", ref);
    row.put("intakeId", intake.toString());
    row.put("firstName", FIRST_NAME);
    row.put("lastName", LAST_NAME);
    row.put("birthDate", "2001-04-12");
    row.put("email", email(ref));
    row.put("phone", france ? "+33698765432" : "+212698765432");
    row.put("addressLine", ADDRESS);
    row.put("postalCode", france ? "93270" : "30000");
    row.put("city", france ? "Sevran" : "Fès");
    row.put("addressCountry", site.substring(0, 2));
    row.put("nationality", site.substring(0, 2));
    row.put("gender", "FEMALE");
    row.put("educationLevel", "BAC");
    row.put("jobSeekerAgency", france ? "FRANCE_TRAVAIL" : "ANAPEC");
    row.put("jobSeekerId", france ? "1234567A" : "AB123456");
    row.put("priorityPublics", "NEET_UNDER_26|PRIORITY_NEIGHBOURHOOD");
    row.put("referralSource", "MISSION_LOCALE");
    row.put("referralContact", "Mme Durand");
    row.put("motivation", "Je veux devenir développeuse web, \"vraiment\".\nEt vite.");
    row.put("availability", "Full time");
    row.put("consentApplicationProcessing", "true");
    row.put("consentFollowUpContact", "true");
    return row;
  }

  private Map<String, String> frRow(String ref) {
    return row(ref, frIntake, "FR-SEVRAN");
  }

  private static String cell(String value) {
    if (value == null) {
      return "";
    }
    boolean quote =
        value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
    return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }

  private static String line(Map<String, String> row) {
    return COLUMNS.stream().map(column -> cell(row.get(column))).collect(Collectors.joining(","));
  }

  private static String csv(List<Map<String, String>> rows) {
    StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
    rows.forEach(row -> csv.append(line(row)).append("\r\n"));
    return csv.toString();
  }

  /** Sends a CSV file: the answer as it is (202 with the job, or a problem). */
  private static Response sendCsv(RequestSpecification as, String csv) {
    return as.contentType(CSV_UTF8).body(csv.getBytes(StandardCharsets.UTF_8)).post(IMPORTS);
  }

  /** Sends a CSV file; once accepted, the job when it has ended (or the problem refusing it). */
  private static Response postCsv(RequestSpecification as, String csv) {
    return ImportJobs.ended(sendCsv(as, csv), user("platform-admin"));
  }

  /** Sends a JSON file; once accepted, the job when it has ended (or the problem refusing it). */
  private static Response postJson(RequestSpecification as, String json) {
    return ImportJobs.ended(
        as.contentType("application/json")
            .body(json.getBytes(StandardCharsets.UTF_8))
            .post(IMPORTS),
        user("platform-admin"));
  }

  private long count(String sql) {
    return Api.count(entityManager, sql);
  }

  private long applicationsWithRef(String prefix) {
    return count("select count(*) from application where external_ref like '" + prefix + "%'");
  }

  private String storedReport(String importId) {
    return Api.text(
        entityManager,
        "select report from application_import where id = ?1",
        UUID.fromString(importId));
  }

  /** What a database holds overall, to show a request changed nothing. */
  private List<Long> everything() {
    return List.of(
        count("select count(*) from application"),
        count("select count(*) from applicant"),
        count("select count(*) from consent"),
        count("select count(*) from outbox_event"),
        count("select count(*) from application_import"));
  }

  // --------------------------------------------------------------------------------- tests

  @Test
  void twoThousandRowsImportOnceAndSendingThemAgainChangesNothing() {
    String prefix = "BIG-" + run + "-";
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i <= 2000; i++) {
      rows.add(frRow(prefix + i));
    }
    String file = csv(rows);

    long started = System.nanoTime();
    Response accepted = sendCsv(office("integration-fr"), file);
    long toAccepted = (System.nanoTime() - started) / 1_000_000;
    accepted
        .then()
        .statusCode(202)
        .header("Location", containsString(IMPORTS + "/"))
        .header("Retry-After", equalTo("2"))
        .body("status", equalTo("QUEUED"))
        .body("rowsTotal", equalTo(2000))
        .body("rowsProcessed", equalTo(0))
        .body("finishedAt", nullValue())
        .body("rows", nullValue());
    List<Integer> progress = new ArrayList<>();
    Response first =
        ImportJobs.ended(
            accepted,
            user("platform-admin"),
            job -> progress.add(job.jsonPath().getInt("rowsProcessed")));
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(
        "IMPORT TIMING: 2000-row CSV (%d bytes) accepted in %d ms, imported in %d ms,"
            + " progress read %s%n",
        file.length(), toAccepted, millis, progress);
    // Progress is visible while it runs: counts grow and never pass the total.
    assertThat(progress).isSorted().allMatch(n -> n >= 0 && n <= 2000);
    assertThat(progress.stream().anyMatch(n -> n > 0 && n < 2000)).isTrue();

    first
        .then()
        .statusCode(200)
        .body("status", equalTo("SUCCEEDED"))
        .body("rowsProcessed", equalTo(2000))
        .body("format", equalTo("CSV"))
        .body("country", equalTo("FR"))
        .body("totalRows", equalTo(2000))
        .body("created", equalTo(2000))
        .body("unchanged", equalTo(0))
        .body("failed", equalTo(0))
        .body("rows[0].row", equalTo(1))
        .body("rows[0].line", equalTo(2))
        .body("rows[0].externalRef", equalTo(prefix + 1))
        .body("rows[0].outcome", equalTo("CREATED"))
        .body("rows[1].line", equalTo(4)) // the motivation cell spans two lines
        .body("rows[1999].row", equalTo(2000));
    List<String> ids = first.jsonPath().getList("rows.applicationId");
    assertThat(ids).hasSize(2000).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(applicationsWithRef(prefix)).isEqualTo(2000);
    assertThat(
            count(
                "select count(*) from outbox_event o join application a on a.id = o.aggregate_id"
                    + " where a.external_ref like '"
                    + prefix
                    + "%' and o.type like '%.application-submitted.v1'"))
        .isEqualTo(2000);
    assertThat(
            count(
                "select count(*) from applicant where motivation = 'Je veux devenir développeuse"
                    + " web, \"vraiment\".\nEt vite.' and email like 'zeph.big-"
                    + run
                    + "-%'"))
        .isEqualTo(2000);

    List<Long> before = everything();
    long again = System.nanoTime();
    Response second = postCsv(office("integration-fr"), file);
    System.out.printf(
        "IMPORT TIMING: the same 2000 rows re-sent (all unchanged) in %d ms%n",
        (System.nanoTime() - again) / 1_000_000);
    second
        .then()
        .statusCode(200)
        .body("created", equalTo(0))
        .body("unchanged", equalTo(2000))
        .body("failed", equalTo(0))
        .body("rows.outcome", not(hasItem("CREATED")));
    assertThat(second.jsonPath().getList("rows.applicationId", String.class)).isEqualTo(ids);
    assertThat(second.jsonPath().getString("id")).isNotEqualTo(first.jsonPath().getString("id"));
    List<Long> after = everything();
    assertThat(after.subList(0, 4)).isEqualTo(before.subList(0, 4));
    assertThat(after.get(4)).isEqualTo(before.get(4) + 1);

    // Location names the public address (the gateway's); the test calls the service itself.
    assertThat(accepted.header("Location")).startsWith("http://127.0.0.1:8080" + IMPORTS + "/");
    office("integration-fr")
        .get(java.net.URI.create(accepted.header("Location")).getPath())
        .then()
        .statusCode(200)
        .body("id", equalTo(first.jsonPath().getString("id")))
        .body("created", equalTo(2000))
        .body("rows.size()", equalTo(2000));
  }

  @Test
  void aJobStoppedHalfWayResumesAtItsFirstRowWithoutOutcomeAndAppliesNoRowTwice() throws Exception {
    String p = "RES-" + run + "-";
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      rows.add(frRow(p + i));
    }
    rows.get(5).put("birthDate", "demain"); // row 6 fails alone
    scheduler.pause(ApplicationImportWorker.IDENTITY);
    Response accepted;
    UUID id;
    try {
      Thread.sleep(500); // a pass that started before the pause has read its jobs by now
      accepted = sendCsv(office("integration-fr"), csv(rows));
      accepted.then().statusCode(202).body("status", equalTo("QUEUED"));
      id = UUID.fromString(accepted.jsonPath().getString("id"));

      // A worker stops after four rows (as a restart would stop it).
      assertThat(imports.apply(id, 4)).isEqualTo(4);
      office("integration-fr")
          .get(IMPORTS + "/" + id)
          .then()
          .statusCode(200)
          .body("status", equalTo("RUNNING"))
          .body("rowsTotal", equalTo(10))
          .body("rowsProcessed", equalTo(4))
          .body("created", equalTo(4))
          .body("rows", nullValue())
          .body("finishedAt", nullValue());
      assertThat(applicationsWithRef(p)).isEqualTo(4);

      // While another worker holds the job, this one leaves it alone.
      UUID held = id;
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                entityManager
                    .createNativeQuery("select id from application_import where id = ?1 for update")
                    .setParameter(1, held)
                    .getResultList();
                assertThat(imports.apply(held, 10)).isZero();
              });

      // The next one resumes at row 5, reading the stored file again.
      assertThat(imports.apply(id, 3)).isEqualTo(3);
      assertThat(applicationsWithRef(p)).isEqualTo(6);
    } finally {
      scheduler.resume(ApplicationImportWorker.IDENTITY);
    }

    Response ended = ImportJobs.ended(accepted, office("integration-fr"));
    ended
        .then()
        .body("status", equalTo("SUCCEEDED"))
        .body("rowsProcessed", equalTo(10))
        .body("created", equalTo(9))
        .body("failed", equalTo(1))
        .body("rows.row", equalTo(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)))
        .body("rows[5].outcome", equalTo("FAILED"));
    assertThat(ended.jsonPath().getList("rows.applicationId", String.class))
        .filteredOn(java.util.Objects::nonNull)
        .hasSize(9)
        .doesNotHaveDuplicates();
    assertThat(applicationsWithRef(p)).isEqualTo(9);
    assertThat(count("select count(*) from application_import_row where import_id = '" + id + "'"))
        .isEqualTo(10);
    // The file, which holds personal data, is gone once the job has ended.
    assertThat(
            count(
                "select count(*) from application_import where body is not null and id = '"
                    + id
                    + "'"))
        .isZero();
  }

  @Test
  void eachBadRowFailsAloneNamingItsFieldAndTheGoodRowsAreCreated() {
    String p = "MIX-" + run + "-";
    List<Map<String, String>> rows = new ArrayList<>();
    rows.add(frRow(p + 1)); // 1 good
    Map<String, String> badPhone = frRow(p + 2);
    badPhone.put("phone", "+3361234");
    rows.add(badPhone); // 2
    Map<String, String> unknownIntake = frRow(p + 3);
    unknownIntake.put("intakeId", UUID.randomUUID().toString());
    rows.add(unknownIntake); // 3
    Map<String, String> samePerson = frRow(p + 4);
    samePerson.put("email", email(p + 1));
    rows.add(samePerson); // 4: the person of row 1, same intake
    Map<String, String> noConsent = frRow(p + 5);
    noConsent.put("consentApplicationProcessing", "false");
    rows.add(noConsent); // 5
    Map<String, String> badEnum = frRow(p + 6);
    badEnum.put("gender", "WOMAN");
    rows.add(badEnum); // 6
    Map<String, String> badDate = frRow(p + 7);
    badDate.put("birthDate", "12/04/2001");
    rows.add(badDate); // 7
    Map<String, String> tooLong = frRow(p + 8);
    tooLong.put("firstName", FIRST_NAME.repeat(12));
    rows.add(tooLong); // 8
    rows.add(row(p + 9, maIntake, "MA-FES")); // 9: outside integration-fr's country
    rows.add(frRow(p + 10)); // 10 good
    Map<String, String> tooYoung = frRow(p + 11);
    tooYoung.put("birthDate", "2015-01-01");
    rows.add(tooYoung); // 11
    Map<String, String> noRef = frRow(p + 12);
    noRef.put("externalRef", "");
    rows.add(noRef); // 12
    Map<String, String> badEmail = frRow(p + 13);
    badEmail.put("email", "zephyrine-at-example");
    rows.add(badEmail); // 13
    Map<String, String> badRef = frRow(p + 14);
    badRef.put("externalRef", "Zephyrine Quillondor");
    rows.add(badRef); // 14
    String file = csv(rows) + p + "15,too,few,cells\r\n"; // 15

    Response response = postCsv(office("integration-fr").header("Accept-Language", "en"), file);

    response
        .then()
        .statusCode(200)
        .body("totalRows", equalTo(15))
        .body("created", equalTo(2))
        .body("unchanged", equalTo(0))
        .body("failed", equalTo(13));
    JsonPath report = response.jsonPath();
    assertThat(report.getList("rows.outcome"))
        .containsExactly(
            "CREATED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED",
            "FAILED", "CREATED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED");
    assertThat(report.getList("rows.row"))
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    assertThat(report.getString("rows[0].applicationId")).isNotNull();
    assertThat(report.getString("rows[1].applicationId")).isNull();
    expectProblem(report, 2, "validation-failed", 400, "phone");
    expectProblem(report, 3, "unprocessable", 422);
    assertThat(report.getString("rows[2].problem.detail")).contains("is unknown");
    expectProblem(report, 4, "conflict", 409);
    assertThat(report.getString("rows[3].problem.detail"))
        .isEqualTo("This person already has an application to this intake.");
    expectProblem(report, 5, "unprocessable", 422);
    assertThat(report.getString("rows[4].problem.detail")).contains("APPLICATION_PROCESSING");
    assertThat(report.getString("rows[4].problem.title")).isEqualTo("Unprocessable request");
    expectProblem(report, 6, "validation-failed", 400, "gender");
    assertThat(report.getString("rows[5].problem.errors[0].message"))
        .isEqualTo(
            "Column gender: value not recognised; accepted values: FEMALE, MALE, NON_BINARY,"
                + " NOT_DECLARED.");
    expectProblem(report, 7, "validation-failed", 400, "birthDate");
    expectProblem(report, 8, "validation-failed", 400, "firstName");
    assertThat(report.getString("rows[7].problem.errors[0].message")).contains("100");
    expectProblem(report, 9, "forbidden", 403);
    expectProblem(report, 11, "unprocessable", 422);
    assertThat(report.getString("rows[10].problem.detail")).contains("at least 18");
    expectProblem(report, 12, "validation-failed", 400, "externalRef");
    assertThat(report.getString("rows[11].externalRef")).isNull();
    expectProblem(report, 13, "validation-failed", 400, "email");
    expectProblem(report, 14, "validation-failed", 400, "externalRef");
    assertThat(report.getString("rows[13].externalRef")).isNull();
    expectProblem(report, 15, "invalid-request", 400, "$");
    assertThat(report.getInt("rows[14].line")).isEqualTo(30);

    assertThat(applicationsWithRef(p)).isEqualTo(2);
    assertThat(count("select count(*) from application where external_ref = '" + p + "9'"))
        .isZero();

    String stored = storedReport(report.getString("id"));
    assertThat(stored).isEqualTo(response.asString());
    assertThat(stored)
        .contains(p + "1", p + "13")
        .doesNotContainIgnoringCase(FIRST_NAME)
        .doesNotContain(LAST_NAME, "example.org", "Glycines", "698765432", "1234567A")
        .doesNotContain("12/04/2001", "2001-04-12", "WOMAN", "Durand", "développeuse");
  }

  private static void expectProblem(
      JsonPath report, int row, String type, int status, String... fields) {
    String at = "rows[" + (row - 1) + "]";
    assertThat(report.getString(at + ".outcome")).as("row %d", row).isEqualTo("FAILED");
    assertThat(report.getString(at + ".problem.type"))
        .as("row %d", row)
        .isEqualTo("https://passerelle.org/problems/" + type);
    assertThat(report.getInt(at + ".problem.status")).as("row %d", row).isEqualTo(status);
    assertThat(report.getString(at + ".problem.title")).as("row %d", row).isNotBlank();
    assertThat(report.getString(at + ".problem.detail")).as("row %d", row).isNotBlank();
    if (fields.length > 0) {
      assertThat(report.getList(at + ".problem.errors.field", String.class))
          .as("row %d", row)
          .containsExactly(fields);
    }
  }

  @Test
  void aRowMeetingAFailureNotItsOwnIsTriedAgainAndFailsAloneOnlyIfItKeepsFailing()
      throws Exception {
    String p = "OUT-" + run + "-";
    String name = "import_outage_" + run.replace('-', '_');
    // Row 2's first insert meets what PostgreSQL answers while it shuts down (57P01), row 3's
    // first an error of the database that is not the row's (XX000), row 4's every one; sequences,
    // which no rollback undoes, count the attempts.
    String[] setUp = {
      "create sequence " + name + "_2",
      "create sequence " + name + "_3",
      "create function "
          + name
          + "() returns trigger language plpgsql as $$ begin"
          + " if new.external_ref = '"
          + p
          + "2' then if nextval('"
          + name
          + "_2') = 1 then raise exception 'restarting' using errcode = 'admin_shutdown';"
          + " end if; end if;"
          + " if new.external_ref = '"
          + p
          + "3' then if nextval('"
          + name
          + "_3') = 1 then raise exception 'lost' using errcode = 'internal_error';"
          + " end if; end if;"
          + " if new.external_ref = '"
          + p
          + "4' then raise exception 'always' using errcode = 'internal_error'; end if;"
          + " return new; end $$",
      "create trigger "
          + name
          + " before insert on application for each row execute function "
          + name
          + "()"
    };
    scheduler.pause(ApplicationImportWorker.IDENTITY);
    Response accepted;
    try {
      Thread.sleep(500); // a pass that started before the pause has read its jobs by now
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                for (String sql : setUp) {
                  entityManager.createNativeQuery(sql).executeUpdate();
                }
              });
      List<Map<String, String>> rows = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        rows.add(frRow(p + i));
      }
      accepted = sendCsv(office("integration-fr"), csv(rows));
      accepted.then().statusCode(202);
      UUID id = UUID.fromString(accepted.jsonPath().getString("id"));

      // Each pass stops at the row that met the failure, which keeps no outcome.
      assertThatThrownBy(() -> imports.apply(id, 10))
          .satisfies(e -> assertThat(DatabaseOutage.in(e)).isPresent());
      assertProgress(id, 1, 1);
      assertThatThrownBy(() -> imports.apply(id, 10))
          .satisfies(e -> assertThat(DatabaseOutage.in(e)).isEmpty());
      assertProgress(id, 2, 2);
      for (int pass = 1; pass < ApplicationImportService.UNEXPECTED_ATTEMPTS; pass++) {
        assertThatThrownBy(() -> imports.apply(id, 10)).isNotNull();
        assertProgress(id, 3, 3);
      }
      // Row 4 fails every time: it is reported failed alone, and the job goes on to its end.
      assertThat(imports.apply(id, 10)).isEqualTo(2);
    } finally {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                for (String sql :
                    new String[] {
                      "drop trigger if exists " + name + " on application",
                      "drop function if exists " + name,
                      "drop sequence if exists " + name + "_2",
                      "drop sequence if exists " + name + "_3"
                    }) {
                  entityManager.createNativeQuery(sql).executeUpdate();
                }
              });
      scheduler.resume(ApplicationImportWorker.IDENTITY);
    }

    Response ended = ImportJobs.ended(accepted, office("integration-fr"));
    ended
        .then()
        .body("status", equalTo("SUCCEEDED"))
        .body("rowsProcessed", equalTo(5))
        .body("created", equalTo(4))
        .body("failed", equalTo(1))
        .body(
            "rows.outcome", equalTo(List.of("CREATED", "CREATED", "CREATED", "FAILED", "CREATED")))
        .body("rows[3].problem.type", endsWith("/internal-error"));
    assertThat(ended.asString()).doesNotContain("always", FIRST_NAME);
    assertThat(applicationsWithRef(p)).isEqualTo(4);
    for (int i : new int[] {1, 2, 3, 5}) {
      assertThat(count("select count(*) from application where external_ref = '" + p + i + "'"))
          .isEqualTo(1);
    }
  }

  /** The job still running, with so many rows done and created. */
  private void assertProgress(UUID id, int processed, int created) {
    office("integration-fr")
        .get(IMPORTS + "/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("RUNNING"))
        .body("rowsProcessed", equalTo(processed))
        .body("created", equalTo(created))
        .body("failed", equalTo(0));
    assertThat(count("select count(*) from application_import_row where import_id = '" + id + "'"))
        .isEqualTo(processed);
  }

  @Test
  void aRowTheDatabaseRefusesFailsAloneWithoutSayingWhatWasSent() {
    String p = "NUL-" + run + "-";
    Map<String, String> refused = frRow(p + 2);
    refused.put("motivation", FIRST_NAME + "\u0000");

    Response response =
        postCsv(
            office("integration-fr").header("Accept-Language", "en"),
            csv(List.of(frRow(p + 1), refused, frRow(p + 3))));

    response
        .then()
        .statusCode(200)
        .body("rows.outcome", equalTo(List.of("CREATED", "FAILED", "CREATED")))
        .body("rows[1].problem.type", endsWith("/invalid-request"))
        .body(
            "rows[1].problem.detail",
            equalTo("A value sent cannot be stored (forbidden character?)."));
    assertThat(response.asString()).doesNotContainIgnoringCase(FIRST_NAME).doesNotContain("0x00");
    assertThat(applicationsWithRef(p)).isEqualTo(2);
  }

  @Test
  void theSameFileSentTwiceAtOnceCreatesEachApplicationOnce() throws Exception {
    String p = "RACE-" + run + "-";
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      rows.add(frRow(p + i));
    }
    String file = csv(rows);
    String token = "Bearer " + Tokens.ofClient("integration-fr");
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<JsonPath>> both = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        both.add(
            pool.submit(
                () ->
                    postCsv(given().header("Authorization", token), file)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()));
      }
      JsonPath first = both.get(0).get(2, java.util.concurrent.TimeUnit.MINUTES);
      JsonPath second = both.get(1).get(2, java.util.concurrent.TimeUnit.MINUTES);
      assertThat(first.getInt("failed") + second.getInt("failed")).isZero();
      assertThat(first.getInt("created") + second.getInt("created")).isEqualTo(100);
      assertThat(first.getInt("unchanged") + second.getInt("unchanged")).isEqualTo(100);
      assertThat(first.getList("rows.applicationId"))
          .isEqualTo(second.getList("rows.applicationId"));
    } finally {
      pool.shutdownNow();
    }
    assertThat(applicationsWithRef(p)).isEqualTo(100);
  }

  @Test
  void aReferenceSentAgainWithOtherDataFailsWithAConflict() {
    String ref = "CHG-" + run;
    Map<String, String> row = frRow(ref);
    Response first = postCsv(office("integration-fr"), csv(List.of(row)));
    first.then().statusCode(200).body("created", equalTo(1));
    String applicationId = first.jsonPath().getString("rows[0].applicationId");

    row.put("motivation", "Autre chose");
    Response changed = postCsv(office("integration-fr"), csv(List.of(row)));

    changed
        .then()
        .statusCode(200)
        .body("created", equalTo(0))
        .body("failed", equalTo(1))
        .body("rows[0].externalRef", equalTo(ref))
        .body("rows[0].applicationId", nullValue())
        .body("rows[0].problem.type", endsWith("/conflict"))
        .body("rows[0].problem.status", equalTo(409))
        .body(
            "rows[0].problem.detail",
            equalTo("La référence « " + ref + " » a déjà été utilisée avec d'autres données."));
    assertThat(applicationsWithRef(ref)).isEqualTo(1);
    assertThat(
            count(
                "select count(*) from applicant a join application p on p.applicant_id = a.id"
                    + " where p.id = '"
                    + applicationId
                    + "' and a.motivation like 'Je veux%'"))
        .isEqualTo(1);
  }

  private ObjectNode jsonRow(String ref, UUID intake, String site) throws Exception {
    ObjectNode row = (ObjectNode) mapper.readTree(Fixtures.body(intake, site, email(ref)));
    if (ref != null) {
      row.put("externalRef", ref);
    }
    ((ObjectNode) row.get("applicant")).put("firstName", FIRST_NAME);
    return row;
  }

  @Test
  void jsonRowsThatAreNotApplicationsFailAloneAndResendingIsIdempotent() throws Exception {
    String p = "JSN-" + run + "-";
    ArrayNode rows = mapper.createArrayNode();
    ObjectNode good = jsonRow(p + 1, frIntake, "FR-SEVRAN");
    ((ObjectNode) good.get("applicant"))
        .set(
            "priorityPublics",
            mapper
                .createArrayNode()
                .add("NEET_UNDER_26")
                .add("PRIORITY_NEIGHBOURHOOD")
                .add("REFUGEE"));
    rows.add(good); // 1
    ObjectNode wrongType = jsonRow(p + 2, frIntake, "FR-SEVRAN");
    wrongType.put("applicant", FIRST_NAME + " " + LAST_NAME);
    rows.add(wrongType); // 2: an object expected
    ObjectNode badDate = jsonRow(p + 3, frIntake, "FR-SEVRAN");
    ((ObjectNode) badDate.get("applicant")).put("birthDate", FIRST_NAME + "-birthday");
    rows.add(badDate); // 3
    ObjectNode unknown = jsonRow(p + 4, frIntake, "FR-SEVRAN");
    unknown.put("shoeSize", 38);
    rows.add(unknown); // 4
    rows.add("just a string"); // 5
    rows.add(jsonRow(null, frIntake, "FR-SEVRAN")); // 6: no externalRef
    ObjectNode invalid = jsonRow(p + 7, frIntake, "FR-SEVRAN");
    ((ObjectNode) invalid.get("applicant")).put("email", "zephyrine-at-example");
    ((ObjectNode) invalid.get("applicant")).put("lastName", " ");
    rows.add(invalid); // 7
    ObjectNode wrongBoolean = jsonRow(p + 8, frIntake, "FR-SEVRAN");
    ((ObjectNode) wrongBoolean.get("consents").get(0)).put("granted", "yes");
    rows.add(wrongBoolean); // 8
    rows.add(jsonRow(p + 9, frIntake, "FR-SEVRAN")); // 9 good
    String body = mapper.writeValueAsString(mapper.createObjectNode().set("rows", rows));

    Response response = postJson(office("integration-fr"), body);

    response
        .then()
        .statusCode(200)
        .body("format", equalTo("JSON"))
        .body("totalRows", equalTo(9))
        .body("created", equalTo(2))
        .body("failed", equalTo(7))
        .body("rows[0].line", nullValue());
    JsonPath report = response.jsonPath();
    assertThat(report.getList("rows.outcome"))
        .containsExactly(
            "CREATED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED",
            "CREATED");
    expectProblem(report, 2, "invalid-request", 400, "applicant");
    expectProblem(report, 3, "invalid-request", 400, "applicant.birthDate");
    assertThat(report.getString("rows[2].problem.errors[0].message"))
        .isEqualTo(
            "Le champ « applicant.birthDate » attend une date au format ISO 8601 (AAAA-MM-JJ),"
                + " par exemple 2026-09-01.");
    assertThat(report.getString("rows[2].problem.errors[0].format")).isEqualTo("date");
    expectProblem(report, 4, "invalid-request", 400, "shoeSize");
    expectProblem(report, 5, "invalid-request", 400, "$");
    expectProblem(report, 6, "validation-failed", 400, "externalRef");
    expectProblem(report, 7, "validation-failed", 400, "applicant.email", "applicant.lastName");
    expectProblem(report, 8, "invalid-request", 400, "consents[0].granted");
    assertThat(report.getString("rows[1].externalRef")).isEqualTo(p + 2);
    assertThat(applicationsWithRef(p)).isEqualTo(2);
    assertThat(response.asString())
        .doesNotContainIgnoringCase(FIRST_NAME)
        .doesNotContain(LAST_NAME, "example.org");

    List<Long> before = everything().subList(0, 4);
    Response again = postJson(office("integration-fr"), body);
    again.then().statusCode(200).body("created", equalTo(0)).body("unchanged", equalTo(2));
    assertThat(again.jsonPath().getList("rows.outcome"))
        .containsExactly(
            "UNCHANGED",
            "FAILED",
            "FAILED",
            "FAILED",
            "FAILED",
            "FAILED",
            "FAILED",
            "FAILED",
            "UNCHANGED");
    assertThat(everything().subList(0, 4)).isEqualTo(before);
  }

  @Test
  void aJsonRowReportsEveryErrorOfTheRowAtOnce() throws Exception {
    String p = "ALL-" + run + "-";
    ObjectNode row = jsonRow(p + 1, frIntake, "FR-SEVRAN");
    ObjectNode applicant = (ObjectNode) row.get("applicant");
    applicant.put("birthDate", FIRST_NAME + "-birthday");
    applicant.put("gender", "WOMAN");
    applicant.put("email", "zephyrine-at-example");
    applicant.put("lastName", " ");
    ((ObjectNode) row.get("consents").get(1)).put("purpose", "MARKETING");
    row.put("shoeSize", 38);
    String body =
        mapper.writeValueAsString(
            mapper.createObjectNode().set("rows", mapper.createArrayNode().add(row)));

    Response response = postJson(office("integration-fr").header("Accept-Language", "en"), body);

    response.then().statusCode(200).body("failed", equalTo(1));
    JsonPath report = response.jsonPath();
    expectProblem(
        report,
        1,
        "invalid-request",
        400,
        "applicant.birthDate",
        "applicant.gender",
        "consents[1].purpose",
        "shoeSize",
        "applicant.email",
        "applicant.lastName");
    assertThat(report.getString("rows[0].problem.detail"))
        .isEqualTo("The request has 6 problems: see \"errors\".");
    assertThat(report.getList("rows[0].problem.errors[1].accepted", String.class))
        .contains("FEMALE", "MALE", "NOT_DECLARED");
    assertThat(report.getString("rows[0].problem.errors[1].message"))
        .startsWith("Field \"applicant.gender\" accepts only: ");
    assertThat(report.getString("rows[0].problem.errors[0].example")).isEqualTo("2026-09-01");
    assertThat(response.asString())
        .doesNotContainIgnoringCase(FIRST_NAME)
        .doesNotContain("WOMAN", "MARKETING", "example.org");
    assertThat(applicationsWithRef(p)).isZero();
  }

  @Test
  void filesThatCannotBeReadAreRefusedWholeAndWriteNothing() {
    List<Long> before = everything();
    String good = line(frRow("HDR-" + run));

    Response unknownColumn =
        postCsv(
            office("integration-fr").header("Accept-Language", "en"),
            String.join(",", COLUMNS) + ",shoeSize\r\n" + good + ",38\r\n");
    unknownColumn
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", endsWith("/invalid-request"))
        .body("detail", equalTo("Column \"shoeSize\" is unknown."))
        .body("errors[0].field", equalTo("shoeSize"));

    List<String> withoutEmail = new ArrayList<>(COLUMNS);
    withoutEmail.remove("email");
    postCsv(office("integration-fr"), String.join(",", withoutEmail) + "\r\n" + good + "\r\n")
        .then()
        .statusCode(400)
        .body("detail", equalTo("La colonne obligatoire « email » manque dans la ligne d'en-tête."))
        .body("errors[0].field", equalTo("email"));

    postCsv(office("integration-fr"), String.join(",", COLUMNS) + "\r\n" + good + ",\"open\r\n")
        .then()
        .statusCode(400)
        .body("type", endsWith("/invalid-request"))
        .body(
            "detail", equalTo("Une cellule entre guillemets ouverte ligne 3 n'est jamais fermée."));
    postCsv(office("integration-fr"), "").then().statusCode(400);
    postCsv(office("integration-fr"), String.join(",", COLUMNS) + "\r\n\r\n")
        .then()
        .statusCode(400);
    office("integration-fr")
        .contentType("text/csv; charset=UTF-8")
        .body(new byte[] {'a', ',', (byte) 0xC3, '\n'})
        .post(IMPORTS)
        .then()
        .statusCode(400)
        .body("detail", containsString("UTF-8"));
    office("integration-fr")
        .contentType("text/csv; charset=klingon")
        .body(good.getBytes(StandardCharsets.UTF_8))
        .post(IMPORTS)
        .then()
        .statusCode(415);

    postJson(office("integration-fr"), "{\"rows\": [")
        .then()
        .statusCode(400)
        .body("type", endsWith("/malformed-json"));
    postJson(office("integration-fr"), "{\"rows\": []} trailing")
        .then()
        .statusCode(400)
        .body("type", endsWith("/malformed-json"));
    postJson(office("integration-fr"), "{\"rows\": {}}")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("rows"));
    postJson(office("integration-fr"), "{\"rows\": []}").then().statusCode(400);
    postJson(office("integration-fr"), "[]").then().statusCode(400);
    postJson(office("integration-fr"), "{\"rows\": [{}], \"dryRun\": true}")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("dryRun"));
    office("integration-fr")
        .contentType("text/plain")
        .body(good.getBytes(StandardCharsets.UTF_8))
        .post(IMPORTS)
        .then()
        .statusCode(415)
        .contentType("application/problem+json");

    assertThat(everything()).isEqualTo(before);
  }

  @Test
  void moreRowsThanAllowedAreRefusedBeforeAnythingIsWritten() {
    List<Long> before = everything();
    String json =
        "{\"rows\": [" + String.join(",", java.util.Collections.nCopies(10_001, "{}")) + "]}";
    postJson(office("integration-fr"), json)
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", endsWith("/payload-too-large"))
        .body("detail", equalTo("Un import contient au plus 10000 lignes."));

    StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    csv.append(line(frRow("MAX-" + run))).append('\n');
    csv.append("x\n".repeat(10_000));
    postCsv(office("integration-fr"), csv.toString())
        .then()
        .statusCode(413)
        .body("type", endsWith("/payload-too-large"));

    assertThat(everything()).isEqualTo(before);
    assertThat(applicationsWithRef("MAX-" + run)).isZero();
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyReturnsTheSameJob() {
    String file = csv(List.of(frRow("IDM-" + run + "-1"), frRow("IDM-" + run + "-2")));
    String key = UUID.randomUUID().toString();

    Response first = sendCsv(office("integration-fr").header("Idempotency-Key", key), file);
    first.then().statusCode(202).header("Idempotent-Replayed", nullValue());
    long imports = count("select count(*) from application_import");

    Response retry = sendCsv(office("integration-fr").header("Idempotency-Key", key), file);

    retry
        .then()
        .statusCode(202)
        .header("Idempotent-Replayed", equalTo("true"))
        .header("Location", equalTo(first.header("Location")))
        .body("id", equalTo(first.jsonPath().getString("id")));
    Response ended = ImportJobs.ended(retry, user("platform-admin"));
    assertThat(ended.jsonPath().getInt("created")).isEqualTo(2);
    // Replayed once the job has ended: still the same job, now with its report.
    Response late = sendCsv(office("integration-fr").header("Idempotency-Key", key), file);
    late.then()
        .statusCode(202)
        .header("Idempotent-Replayed", equalTo("true"))
        .body("id", equalTo(first.jsonPath().getString("id")))
        .body("status", equalTo("SUCCEEDED"));
    assertThat(late.asString()).isEqualTo(ended.asString());
    assertThat(count("select count(*) from application_import")).isEqualTo(imports);
    assertThat(applicationsWithRef("IDM-" + run)).isEqualTo(2);

    postCsv(
            office("integration-fr").header("Idempotency-Key", key),
            csv(List.of(frRow("IDM-" + run + "-3"))))
        .then()
        .statusCode(422)
        .body("type", endsWith("/idempotency-key-reused"));
    assertThat(applicationsWithRef("IDM-" + run)).isEqualTo(2);
  }

  @Test
  void aSpreadsheetCsvWithBomSemicolonsAndLineBreaksInCellsImports() {
    Map<String, String> row = frRow("XLS-" + run);
    row.put("motivation", "Première ligne;\r\ndeuxième « ligne »");
    row.put("city", "Sevran");
    String header = String.join(";", COLUMNS);
    String line =
        COLUMNS.stream()
            .map(
                column -> {
                  String value = row.getOrDefault(column, "");
                  return value.contains(";") || value.contains("\n")
                      ? "\"" + value.replace("\"", "\"\"") + "\""
                      : value;
                })
            .collect(Collectors.joining(";"));
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = (header + "\r\n" + line + "\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, body, 0, bom.length);
    System.arraycopy(text, 0, body, bom.length, text.length);

    ImportJobs.ended(
            office("integration-fr")
                .config(
                    RestAssuredConfig.config()
                        .encoderConfig(
                            encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("text/csv")
                .body(body)
                .post(IMPORTS),
            user("platform-admin"))
        .then()
        .statusCode(200)
        .body("created", equalTo(1));
    assertThat(
            count(
                "select count(*) from applicant where motivation = 'Première ligne;\r\ndeuxième"
                    + " « ligne »' and email = '"
                    + email("XLS-" + run)
                    + "'"))
        .isEqualTo(1);
  }

  @Test
  void eachRoleImportsWithinItsScopeAndReadsOnlyItsCountrysImports() {
    // An office's system imports into its own country only.
    Response fr =
        postCsv(
            office("integration-fr"),
            csv(List.of(frRow("SCP-" + run + "-1"), row("SCP-" + run + "-2", maIntake, "MA-FES"))));
    fr.then()
        .statusCode(200)
        .body("rows[0].outcome", equalTo("CREATED"))
        .body("rows[1].outcome", equalTo("FAILED"))
        .body("rows[1].problem.type", endsWith("/forbidden"));
    String frImport = fr.jsonPath().getString("id");
    assertThat(count("select count(*) from application where external_ref = 'SCP-" + run + "-2'"))
        .isZero();

    // Country admins import in their country, platform admins anywhere.
    postCsv(user("country-admin-fr"), csv(List.of(frRow("SCP-" + run + "-3"))))
        .then()
        .statusCode(200)
        .body("created", equalTo(1));
    postCsv(user("country-admin-ma"), csv(List.of(frRow("SCP-" + run + "-4"))))
        .then()
        .statusCode(200)
        .body("rows[0].problem.type", endsWith("/forbidden"));
    Response admin =
        postCsv(user("platform-admin"), csv(List.of(row("SCP-" + run + "-5", maIntake, "MA-FES"))));
    admin.then().statusCode(200).body("created", equalTo(1)).body("country", nullValue());
    String adminImport = admin.jsonPath().getString("id");

    // Other roles may not import at all, nor read imports.
    List<Long> before = everything();
    String file = csv(List.of(frRow("SCP-" + run + "-6")));
    for (String username : List.of("learner-fr", "site-staff-fr", "partner-fr")) {
      postCsv(user(username), file).then().statusCode(403).contentType("application/problem+json");
      user(username).get(IMPORTS).then().statusCode(403);
      user(username).get(IMPORTS + "/" + frImport).then().statusCode(403);
    }
    given().contentType(CSV_UTF8).body(file).post(IMPORTS).then().statusCode(401);
    assertThat(everything()).isEqualTo(before);

    // Reading: the importing caller's country; elsewhere it does not exist.
    office("integration-fr").get(IMPORTS + "/" + frImport).then().statusCode(200);
    user("country-admin-fr").get(IMPORTS + "/" + frImport).then().statusCode(200);
    user("platform-admin").get(IMPORTS + "/" + frImport).then().statusCode(200);
    office("integration-ma")
        .get(IMPORTS + "/" + frImport)
        .then()
        .statusCode(404)
        .body("type", endsWith("/not-found"));
    user("country-admin-ma").get(IMPORTS + "/" + frImport).then().statusCode(404);
    office("integration-fr").get(IMPORTS + "/" + adminImport).then().statusCode(404);
    office("integration-fr").get(IMPORTS + "/" + UUID.randomUUID()).then().statusCode(404);

    // Lists: newest first, without rows, only what is in scope.
    JsonPath frList =
        office("integration-fr")
            .get(IMPORTS + "?size=100")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<String> frIds = frList.getList("items.id");
    assertThat(frIds).contains(frImport).doesNotContain(adminImport);
    assertThat(frList.getList("items.country")).containsOnly("FR");
    assertThat(frList.getList("items.rows")).containsOnlyNulls();
    List<java.time.OffsetDateTime> startedAt =
        frList.getList("items.startedAt", String.class).stream()
            .map(java.time.OffsetDateTime::parse)
            .toList();
    assertThat(startedAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(
            office("integration-ma")
                .get(IMPORTS + "?size=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id"))
        .doesNotContain(frImport, adminImport);
    assertThat(
            user("platform-admin")
                .get(IMPORTS + "?size=100&country=FR")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id"))
        .contains(frImport)
        .doesNotContain(adminImport);
    user("platform-admin").get(IMPORTS + "?size=101").then().statusCode(400);
  }

  @Test
  void rowMessagesFollowAcceptLanguage() {
    Map<String, String> badDate = frRow("LNG-" + run);
    badDate.put("birthDate", "demain");
    String file = csv(List.of(badDate));
    postCsv(office("integration-fr").header("Accept-Language", "ar"), file)
        .then()
        .statusCode(200)
        .body(
            "rows[0].problem.errors[0].message",
            equalTo("العمود birthDate: ليس تاريخا بالصيغة YYYY-MM-DD."));
    postCsv(office("integration-fr"), file)
        .then()
        .statusCode(200)
        .body("rows[0].problem.title", equalTo("Données invalides"))
        .body(
            "rows[0].problem.errors[0].message",
            equalTo("Colonne birthDate : ce n'est pas une date au format AAAA-MM-JJ."));

    Map<String, String> tooLong = frRow("LNG2-" + run);
    tooLong.put("lastName", "x".repeat(101));
    String en =
        postCsv(office("integration-fr").header("Accept-Language", "en"), csv(List.of(tooLong)))
            .then()
            .statusCode(200)
            .extract()
            .path("rows[0].problem.errors[0].message");
    String fr =
        postCsv(office("integration-fr"), csv(List.of(tooLong)))
            .then()
            .statusCode(200)
            .extract()
            .path("rows[0].problem.errors[0].message");
    assertThat(en).contains("size must be between");
    assertThat(fr).isNotEqualTo(en).contains("100");
  }
}
