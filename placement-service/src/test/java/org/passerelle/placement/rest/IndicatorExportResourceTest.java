package org.passerelle.placement.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.placement.testing.Announced;
import org.passerelle.placement.testing.ExportDictionaries;
import org.passerelle.placement.testing.Periods;

/**
 * Indicators exports: each report against its dictionary in CSV and JSON, an audit row per export
 * readable by admins, and callers outside the report's scope or with bad input refused without an
 * audit row.
 */
@QuarkusTest
public class IndicatorExportResourceTest {

  static final String EXPORTS = "/api/v1/indicators/exports";

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
}
