package org.passerelle.placement.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.placement.api.IndicatorExportDictionary;
import org.passerelle.placement.api.IndicatorsView;
import org.passerelle.placement.api.LearnerFacts;
import org.passerelle.placement.service.IndicatorDefinitions;
import org.passerelle.placement.service.IndicatorReport;
import org.passerelle.placement.testing.ExportDictionaries;
import org.passerelle.placement.testing.SampleFacts;

/**
 * Every report's rows and CSV hold exactly the columns of its dictionary, with values of the
 * declared types, suppressed figures empty. Plain JUnit on hand-made figures.
 */
class IndicatorReportsTest {

  static final IndicatorDefinitions DEFINITIONS = new IndicatorDefinitions();
  static final LocalDate FROM = LocalDate.of(2025, 1, 1);
  static final LocalDate TO = LocalDate.of(2025, 12, 31);

  static List<ExportDictionaries.Column> columns(IndicatorReport report) {
    return report.columns().stream()
        .map(
            column ->
                new ExportDictionaries.Column(column.name(), column.type(), column.nullable()))
        .toList();
  }

  /** A figure for each of the report's indicators; the second one suppressed. */
  static List<IndicatorsView.Figure> figures(IndicatorReport report) {
    List<IndicatorsView.Figure> figures = new ArrayList<>();
    for (String indicator : report.indicators()) {
      boolean suppressed = indicator.equals(report.indicators().get(1));
      figures.add(
          new IndicatorsView.Figure(
              indicator,
              1,
              null,
              suppressed ? null : 7L,
              suppressed ? null : 10L,
              suppressed ? null : new BigDecimal("0.7000"),
              suppressed ? null : 2L,
              suppressed ? null : new BigDecimal("0.8333"),
              suppressed,
              new IndicatorsView.Threshold(new BigDecimal("0.30"), null, true, "GEN")));
      // a breakdown's category is not a column of the reports
      figures.add(
          new IndicatorsView.Figure(
              indicator, 1, "HEALTH", 1L, 10L, new BigDecimal("0.1000"), 0L, null, false, null));
    }
    return figures;
  }

  static IndicatorsView.Key key(IndicatorReport report, LearnerFacts learner) {
    return switch (report.groupBy()) {
      case "site" -> new IndicatorsView.Key(null, learner.siteCode(), null, null, null);
      case "programme" -> new IndicatorsView.Key(null, null, learner.programmeCode(), null, null);
      default -> new IndicatorsView.Key(null, null, null, learner.cohortId(), null);
    };
  }

  @Test
  void everyReportsRowsHoldExactlyItsDictionarysColumns() {
    UUID funder = UUID.randomUUID();
    for (IndicatorReport report : IndicatorReport.values()) {
      String country = report.countries().getFirst();
      LearnerFacts learner =
          SampleFacts.learner(
              country + (country.equals("FR") ? "-SEVRAN" : "-FES"),
              UUID.randomUUID(),
              LocalDate.of(2025, 1, 6),
              LocalDate.of(2025, 6, 27),
              funder);
      boolean funderReport = report == IndicatorReport.FUNDER_REPORT;
      List<IndicatorsView.Group> groups =
          List.of(
              new IndicatorsView.Group(key(report, learner), figures(report)),
              new IndicatorsView.Group(key(report, learner), List.of()));
      List<Map<String, Object>> rows =
          report.rows(country, FROM, TO, 2, funderReport ? funder : null, groups, List.of(learner));

      assertThat(rows).hasSize(2);
      ExportDictionaries.checkJson(rows, columns(report));
      String csv = IndicatorExportCsv.of(report.columns(), rows);
      assertThat(ExportDictionaries.checkCsv(csv, columns(report))).isEqualTo(2);

      Map<String, Object> row = rows.getFirst();
      String first = report.indicators().getFirst().replace('-', '_');
      String second = report.indicators().get(1).replace('-', '_');
      assertThat(row.get(first)).isNotNull();
      assertThat(row.get(second)).isNull();
      assertThat(row.get("suppressed_figures")).isEqualTo(1);
      assertThat(row.get("closure_revision")).isEqualTo(2);
      if (funderReport) {
        assertThat(row.get("site")).isEqualTo(learner.siteCode());
        assertThat(row.get("cohort_start_date")).isEqualTo(learner.cohortStartDate());
        assertThat(row.get("funder_partner_id")).isEqualTo(funder);
      }
    }
  }

  @Test
  void dictionariesNameEachColumnOnceWithAKnownTypeAndAMeaning() {
    for (IndicatorReport report : IndicatorReport.values()) {
      IndicatorExportDictionary dictionary = report.dictionary(DEFINITIONS);
      List<String> names =
          dictionary.columns().stream().map(IndicatorExportDictionary.Column::name).toList();
      assertThat(names).doesNotHaveDuplicates();
      assertThat(dictionary.columns())
          .allSatisfy(
              column -> {
                assertThat(column.type())
                    .isIn("string", "date", "uuid", "integer", "decimal", "boolean");
                assertThat(column.description()).isNotBlank();
                assertThat(column.name()).matches("[a-z0-9_]+");
              });
      assertThat(report.indicators())
          .allSatisfy(
              indicator -> {
                assertThat(names).contains(indicator.replace('-', '_'));
                assertThat(DEFINITIONS.byId(indicator)).as(indicator + " is defined").isPresent();
              });
      assertThat(dictionary.columns())
          .filteredOn(column -> column.indicator() != null)
          .allSatisfy(column -> assertThat(column.definitionVersion()).isPositive());
    }
  }

  @Test
  void csvQuotesWhatNeedsItAndNeverLetsASpreadsheetRunACell() {
    List<IndicatorExportDictionary.Column> columns =
        List.of(
            new IndicatorExportDictionary.Column("a", "string", true, null, null, "a"),
            new IndicatorExportDictionary.Column("b", "string", true, null, null, "b"),
            new IndicatorExportDictionary.Column("c", "decimal", true, null, null, "c"));
    Map<String, Object> row = new java.util.LinkedHashMap<>();
    row.put("a", "Fès, \"centre\"");
    row.put("b", "=HYPERLINK(1)");
    row.put("c", new BigDecimal("1E-4"));
    assertThat(IndicatorExportCsv.of(columns, List.of(row)))
        .isEqualTo("a,b,c\r\n\"Fès, \"\"centre\"\"\",'=HYPERLINK(1),0.0001\r\n");
  }
}
