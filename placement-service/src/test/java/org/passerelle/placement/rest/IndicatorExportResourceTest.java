package org.passerelle.placement.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.BrokerEvents;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.placement.testing.Announced;
import org.passerelle.placement.testing.ExportDictionaries;
import org.passerelle.placement.testing.IndicatorEvents;
import org.passerelle.placement.testing.IndicatorEvents.Attendance;
import org.passerelle.placement.testing.IndicatorEvents.Categories;
import org.passerelle.placement.testing.LearnerEvents;
import org.passerelle.placement.testing.LearnerEvents.Trainee;
import org.passerelle.placement.testing.Periods;

/**
 * Indicators exports: each report against its dictionary in CSV and JSON, an audit row per export
 * readable by admins, and callers outside the report's scope or with bad input refused without an
 * audit row.
 */
@QuarkusTest
public class IndicatorExportResourceTest {

  static final String EXPORTS = "/api/v1/indicators/exports";
  static final Categories WOMAN =
      new Categories("FEMALE", "18_25", "BAC", true, List.of("NEET_UNDER_26"));

  static List<ExportDictionaries.Column> dictionary(String user, String report) {
    List<Map<String, Object>> columns =
        Api.as(user)
            .get(EXPORTS + "/" + report + "/dictionary")
            .then()
            .statusCode(200)
            .body("report", equalTo(report))
            .extract()
            .path("columns");
    return ExportDictionaries.columns(columns);
  }

  static long audits(LocalDate[] period) {
    return Announced.count(
        "select count(*) from indicator_export_audit where period_from = '%s' and period_to = '%s'"
            .formatted(period[0], period[1]));
  }

  static Response export(
      String user, String report, String country, LocalDate[] period, String format) {
    return Api.as(user)
        .queryParam("country", country)
        .queryParam("from", period[0].toString())
        .queryParam("to", period[1].toString())
        .queryParam("format", format)
        .get(EXPORTS + "/" + report);
  }

  @Test
  void everyReportIsExportedAsItsDictionarySaysAndAudited() {
    LocalDate[] period = Periods.unique();
    String[][] exports = {
      {"fr-label-yearly", "FR"}, {"qualiopi-results", "MA"}, {"ma-insertion-9m", "MA"},
    };
    for (String[] export : exports) {
      String admin = "country-admin-" + export[1].toLowerCase();
      List<ExportDictionaries.Column> columns = dictionary(admin, export[0]);
      String csv =
          export(admin, export[0], export[1], period, "csv")
              .then()
              .statusCode(200)
              .contentType("text/csv")
              .extract()
              .asString();
      ExportDictionaries.checkCsv(csv, columns);
      List<Map<String, Object>> rows =
          export(admin, export[0], export[1], period, "json")
              .then()
              .statusCode(200)
              .body("report", equalTo(export[0]))
              .body("country", equalTo(export[1]))
              .extract()
              .path("rows");
      ExportDictionaries.checkJson(rows, columns);
    }
    assertThat(audits(period)).isEqualTo(6);

    // the audit says who, with which roles and scope, took what
    Api.as("country-admin-fr")
        .queryParam("report", "fr-label-yearly")
        .queryParam("size", 100)
        .get(EXPORTS + "/audit")
        .then()
        .statusCode(200)
        .body(
            "items.find { it.from == '%s' && it.format == 'csv' }.exportedBy".formatted(period[0]),
            equalTo(Tokens.subject("country-admin-fr")))
        .body(
            "items.find { it.from == '%s' && it.format == 'csv' }.exportedByActor.type"
                .formatted(period[0]),
            equalTo("PERSON"))
        .body(
            "items.find { it.from == '%s' && it.format == 'csv' }.exportedByActor.id"
                .formatted(period[0]),
            equalTo(Tokens.subject("country-admin-fr")))
        .body(
            "items.find { it.from == '%s' && it.format == 'csv' }.roles".formatted(period[0]),
            equalTo(List.of("country-admin")))
        .body(
            "items.find { it.from == '%s' && it.format == 'csv' }.scope".formatted(period[0]),
            equalTo("country=FR"))
        .body("items.country", not(hasItem("MA")));
    Api.as("platform-admin")
        .queryParam("country", "MA")
        .queryParam("size", 100)
        .get(EXPORTS + "/audit")
        .then()
        .statusCode(200)
        .body(
            "items.findAll { it.from == '%s' }.report".formatted(period[0]),
            containsInAnyOrder(
                "qualiopi-results", "qualiopi-results", "ma-insertion-9m", "ma-insertion-9m"));
    Api.as("site-staff-fr").get(EXPORTS + "/audit").then().statusCode(403);
    Api.as("partner-fr").get(EXPORTS + "/audit").then().statusCode(403);
  }

  @Test
  void aPartnerExportsOnlyTheFunderReportOfTheCohortsItFunds() {
    LocalDate[] period = Periods.unique();
    List<ExportDictionaries.Column> columns = dictionary("partner-fr", "funder-report");
    String csv =
        Api.as("partner-fr")
            .queryParam("country", "FR")
            .queryParam("from", period[0].toString())
            .queryParam("to", period[1].toString())
            .queryParam("format", "csv")
            .get(EXPORTS + "/funder-report")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    ExportDictionaries.checkCsv(csv, columns);
    assertThat(
            Announced.count(
                "select count(*) from indicator_export_audit where period_from = '%s' and funder_partner_id = '%s' and scope like '%%partner=%s%%'"
                    .formatted(period[0], Announced.PARTNER_FR, Announced.PARTNER_FR)))
        .isEqualTo(1);

    // another report, or another funder's: refused, not audited
    export("partner-fr", "qualiopi-results", "FR", period, "json").then().statusCode(403);
    Api.as("partner-fr")
        .queryParam("country", "FR")
        .queryParam("from", period[0].toString())
        .queryParam("to", period[1].toString())
        .queryParam("funderPartnerId", Announced.PARTNER_MA.toString())
        .get(EXPORTS + "/funder-report")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    assertThat(audits(period)).isEqualTo(1);
  }

  @Test
  void callersOutsideTheScopeAndBadInputGetAProblemAndNoAuditRow() {
    LocalDate[] period = Periods.unique();
    // another country's report
    io.restassured.RestAssured.given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-fr"))
        .queryParam("country", "MA")
        .queryParam("from", period[0].toString())
        .queryParam("to", period[1].toString())
        .get(EXPORTS + "/qualiopi-results")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    export("site-staff-ma", "qualiopi-results", "FR", period, "csv").then().statusCode(403);
    export("country-admin-ma", "fr-label-yearly", "FR", period, "csv").then().statusCode(403);
    export("learner-fr", "fr-label-yearly", "FR", period, "csv").then().statusCode(403);

    // bad input
    String from = period[0].toString();
    String to = period[1].toString();
    String[][] queries = {
      {"fr-label-yearly", "country=MA&from=" + from + "&to=" + to},
      {"fr-label-yearly", "country=FR&from=" + to + "&to=" + from},
      {"fr-label-yearly", "country=FR&to=" + to},
      {"fr-label-yearly", "country=FR&from=2025-02-30&to=" + to},
      {"fr-label-yearly", "country=FR&from=" + from + "&to=" + to + "&format=xlsx"},
      {"fr-label-yearly", "country=XX&from=" + from + "&to=" + to},
      {"fr-label-yearly", "from=" + from + "&to=" + to},
      {
        "fr-label-yearly",
        "country=FR&from=" + from + "&to=" + to + "&funderPartnerId=" + Announced.PARTNER_FR
      },
      {"funder-report", "country=FR&from=" + from + "&to=" + to},
      {"funder-report", "country=FR&from=" + from + "&to=" + to + "&funderPartnerId=nope"},
    };
    for (String[] query : queries) {
      Api.as("platform-admin")
          .get(EXPORTS + "/" + query[0] + "?" + query[1])
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    Api.as("platform-admin")
        .get(EXPORTS + "/annual-report?country=FR&from=" + from + "&to=" + to)
        .then()
        .statusCode(404);
    Api.as("platform-admin").get(EXPORTS + "/annual-report/dictionary").then().statusCode(404);
    assertThat(audits(period)).isZero();
  }

  /** Learners of a site's cohort [from, to] who completed it, certified; returns the cohort. */
  static UUID cohortOf(String site, int learners, LocalDate[] period, UUID funder) {
    UUID cohort = UUID.randomUUID();
    OffsetDateTime enrolled = period[0].minusDays(10).atTime(9, 0).atOffset(ZoneOffset.UTC);
    OffsetDateTime completed = period[1].atTime(15, 0).atOffset(ZoneOffset.UTC);
    List<ProducerRecord<String, byte[]>> history = new ArrayList<>();
    for (int i = 0; i < learners; i++) {
      Trainee trainee = new Trainee(UUID.randomUUID(), cohort, site);
      if (i == 0) {
        history.add(
            IndicatorEvents.cohortScheduled(
                trainee, period[0], period[1], funder == null ? List.of() : List.of(funder)));
      }
      history.add(LearnerEvents.learnerEnrolled(trainee, enrolled));
      history.add(IndicatorEvents.applicationEnrolled(trainee, enrolled, WOMAN));
      history.add(
          IndicatorEvents.learnerCompleted(
              trainee, completed, "CERTIFIED", List.of("BC01"), new Attendance(60, 50 + i)));
    }
    history.forEach(BrokerEvents::send);
    history.forEach(LearnerEvents::applied);
    return cohort;
  }

  @Test
  void reportsOfARealHistoryHoldTheirDictionarysColumnsAndSiteStaffTheirSitesOnly() {
    LocalDate[] period = Periods.unique();
    cohortOf("FR-SEVRAN", 6, period, Announced.PARTNER_FR);
    cohortOf("FR-ROUBAIX", 5, period, null);
    List<ExportDictionaries.Column> label = dictionary("country-admin-fr", "fr-label-yearly");

    String csv =
        export("country-admin-fr", "fr-label-yearly", "FR", period, "csv")
            .then()
            .statusCode(200)
            .header("Content-Disposition", containsString("fr-label-yearly-FR-"))
            .extract()
            .asString();
    assertThat(ExportDictionaries.checkCsv(csv, label)).isEqualTo(2);
    List<Map<String, Object>> rows =
        export("country-admin-fr", "fr-label-yearly", "FR", period, "json")
            .then()
            .statusCode(200)
            .body("closures", hasSize(0))
            .body("suppression.minCell", equalTo(5))
            .extract()
            .path("rows");
    ExportDictionaries.checkJson(rows, label);
    assertThat(rows)
        .extracting(row -> row.get("site"))
        .containsExactlyInAnyOrder("FR-SEVRAN", "FR-ROUBAIX");
    Map<String, Object> sevran =
        rows.stream().filter(row -> row.get("site").equals("FR-SEVRAN")).findFirst().orElseThrow();
    assertThat(sevran.get("entrants")).isEqualTo(6);
    assertThat(sevran.get("completion_rate_numerator")).isEqualTo(6);
    assertThat(sevran.get("women_share")).isEqualTo(1.0f);
    assertThat(sevran.get("women_share_threshold_met")).isEqualTo(true);

    // site staff export their site's learners only
    List<Map<String, Object>> own =
        export("site-staff-fr", "fr-label-yearly", "FR", period, "json")
            .then()
            .statusCode(200)
            .extract()
            .path("rows");
    assertThat(own).extracting(row -> row.get("site")).containsExactly("FR-SEVRAN");

    // the Qualiopi page per programme and the funder's per cohort, against their dictionaries
    List<Map<String, Object>> programmes =
        export("country-admin-fr", "qualiopi-results", "FR", period, "json")
            .then()
            .statusCode(200)
            .extract()
            .path("rows");
    ExportDictionaries.checkJson(programmes, dictionary("country-admin-fr", "qualiopi-results"));
    assertThat(programmes)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("programme_code")).isEqualTo("DEV-WEB");
              assertThat(row.get("entrants")).isEqualTo(11);
            });
    String funder =
        Api.as("partner-fr")
            .queryParam("country", "FR")
            .queryParam("from", period[0].toString())
            .queryParam("to", period[1].toString())
            .queryParam("format", "csv")
            .get(EXPORTS + "/funder-report")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(ExportDictionaries.checkCsv(funder, dictionary("partner-fr", "funder-report")))
        .isEqualTo(1);
    assertThat(funder).contains("FR-SEVRAN").doesNotContain("FR-ROUBAIX");

    // each export's audit row counts the rows it held
    assertThat(
            Announced.count(
                "select count(*) from indicator_export_audit where period_from = '%s' and row_count = 2 and report = 'fr-label-yearly' and exported_by = '%s'"
                    .formatted(period[0], Tokens.subject("country-admin-fr"))))
        .isEqualTo(2);
    assertThat(
            Announced.count(
                "select count(*) from indicator_export_audit where period_from = '%s' and row_count = 1 and scope = 'country=FR sites=FR-SEVRAN' and roles = 'site-staff'"
                    .formatted(period[0])))
        .isEqualTo(1);
    assertThat(audits(period)).isEqualTo(5);
  }
}
