package org.passerelle.placement.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.passerelle.placement.api.IndicatorDefinition;
import org.passerelle.placement.api.IndicatorExportDictionary;
import org.passerelle.placement.api.IndicatorExportDictionary.Column;
import org.passerelle.placement.api.IndicatorsView;
import org.passerelle.placement.api.LearnerFacts;

/**
 * The indicators reports, one per audience: which countries each is made for, what one row is (a
 * site, a programme, a cohort) and which figures it holds. Its dictionary and its rows come from
 * the same column list, so an export never holds a column its dictionary does not describe.
 */
public enum IndicatorReport {
  FR_LABEL_YEARLY(
      "fr-label-yearly",
      "French digital-skills label (GEN): yearly report per site",
      List.of("FR"),
      "site",
      List.of(
          count("applications", "applications for the site's cohorts that started in the period"),
          count("accepted-applications", "of those, applications accepted"),
          count("entrants", "learners who started a cohort in the period (not withdrawn before)"),
          share("women-share", "share of women among entrants (label minimum 30 %)"),
          share("neet-under-26-share", "share of under-26 not in work or training (min 50 %)"),
          share("bac-or-below-share", "share of entrants at bac level or below (min 80 %)"),
          share("priority-neighbourhood-share", "share of QPV/ZRR residents among entrants"),
          share("refugee-share", "share of refugees among entrants"),
          share("disability-share", "share of people with a recognised disability"),
          share("job-seeker-share", "share of registered job seekers among entrants"),
          rate("completion-rate", "completed over entrants who left, cohorts ended in the period"),
          rate("dropout-rate", "withdrew after the start over entrants who left"),
          rate("certification-rate", "certified over learners presented to the jury"),
          rate("positive-exit-3m", "job, work-study, further training or business at exit + 3m"),
          rate("positive-exit-6m", "job, work-study, further training or business at exit + 6m"),
          rate("durable-employment-6m", "durable employment (France's rule) at exit + 6 months"))),
  QUALIOPI_RESULTS(
      "qualiopi-results",
      "Qualiopi-style results per programme (RNQ indicators 2 and 3)",
      List.of("FR", "MA"),
      "programme",
      List.of(
          count("entrants", "learners who started a cohort of the programme in the period"),
          rate("completion-rate", "completed over entrants who left, cohorts ended in the period"),
          rate("dropout-rate", "withdrew after the start over entrants who left"),
          rate("attendance-rate", "days attended over session days, cohorts ended in the period"),
          rate("certification-presented-rate", "learners presented to the jury"),
          rate("certification-rate", "certified over learners presented"),
          rate("partial-certification-rate", "partially certified over learners presented"),
          rate("positive-exit-6m", "France: positive exit 6 months after the exit"),
          rate("insertion-9m", "Morocco: held a job between the exit and 9 months after it"))),
  MA_INSERTION_9M(
      "ma-insertion-9m",
      "Moroccan insertion survey 9 months after the exit, per programme",
      List.of("MA"),
      "programme",
      List.of(
          count("entrants", "learners who started a cohort of the programme in the period"),
          share("women-share", "share of women among entrants"),
          rate("completion-rate", "completed over entrants who left, cohorts ended in the period"),
          rate("certification-rate", "certified over learners presented to the jury"),
          rate("insertion-9m", "held a job (employed, work-study, self-employed) by exit + 9m"),
          rate("employment-9m", "in a job 9 months after the exit"))),
  FUNDER_REPORT(
      "funder-report",
      "A funder's report: the cohorts it funds",
      List.of("FR", "MA"),
      "cohort",
      List.of(
          count("entrants", "learners who started the cohort in the period"),
          share("women-share", "share of women among entrants"),
          rate("completion-rate", "completed over entrants who left"),
          rate("dropout-rate", "withdrew after the start over entrants who left"),
          rate("attendance-rate", "days attended over session days"),
          rate("certification-rate", "certified over learners presented to the jury"),
          rate("positive-exit-6m", "France: positive exit 6 months after the exit"),
          rate("durable-employment-6m", "France: durable employment 6 months after the exit"),
          rate("insertion-9m", "Morocco: held a job between the exit and 9 months after it"),
          rate("employment-9m", "Morocco: in a job 9 months after the exit")));

  /** How a figure is written: a count, or a rate with its parts (and a threshold for shares). */
  enum Kind {
    COUNT,
    RATE,
    SHARE
  }

  /** One figure of the report. */
  record Measure(String indicator, Kind kind, String description) {}

  private final String id;
  private final String title;
  private final List<String> countries;
  private final String groupBy;
  private final List<Measure> measures;

  IndicatorReport(
      String id, String title, List<String> countries, String groupBy, List<Measure> measures) {
    this.id = id;
    this.title = title;
    this.countries = countries;
    this.groupBy = groupBy;
    this.measures = measures;
  }

  public String id() {
    return id;
  }

  public List<String> countries() {
    return countries;
  }

  /** The dimension of {@code GET /indicators} one row is a group of. */
  public String groupBy() {
    return groupBy;
  }

  /** The indicator ids the report needs. */
  public List<String> indicators() {
    return measures.stream().map(Measure::indicator).toList();
  }

  public static Optional<IndicatorReport> byId(String id) {
    return Arrays.stream(values()).filter(report -> report.id.equals(id)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(IndicatorReport::id).toList();
  }

  /** The report's columns, each figure's with the version of its indicator's definition. */
  public IndicatorExportDictionary dictionary(IndicatorDefinitions definitions) {
    List<Column> columns =
        columns().stream()
            .map(
                column ->
                    new Column(
                        column.name(),
                        column.type(),
                        column.nullable(),
                        column.indicator(),
                        column.indicator() == null
                            ? null
                            : definitions
                                .byId(column.indicator())
                                .map(IndicatorDefinition::version)
                                .orElse(null),
                        column.description()))
            .toList();
    return new IndicatorExportDictionary(id, title, countries, groupBy, columns);
  }

  /** The report's columns, in order: the period, the row's key, then each figure's. */
  public List<Column> columns() {
    List<Column> columns = new ArrayList<>();
    columns.add(column("country", "string", false, "the country (ISO 3166-1)"));
    columns.add(column("period_from", "date", false, "first day of the period"));
    columns.add(column("period_to", "date", false, "last day of the period (inclusive)"));
    columns.add(
        column(
            "closure_revision",
            "integer",
            true,
            "the closed period's revision the figures were read from; empty when live"));
    switch (groupBy) {
      case "site" -> columns.add(column("site", "string", false, "the site's code"));
      case "programme" ->
          columns.add(column("programme_code", "string", false, "the programme's code"));
      default -> {
        columns.add(column("funder_partner_id", "uuid", false, "the funder (partner id)"));
        columns.add(column("cohort_id", "uuid", false, "the cohort"));
        columns.add(column("site", "string", true, "the cohort's site"));
        columns.add(column("programme_code", "string", true, "the cohort's programme"));
        columns.add(column("cohort_start_date", "date", true, "the cohort's first day"));
        columns.add(column("cohort_end_date", "date", true, "the cohort's last day"));
      }
    }
    for (Measure measure : measures) {
      String name = measure.indicator().replace('-', '_');
      String of = measure.indicator();
      if (measure.kind() == Kind.COUNT) {
        columns.add(figure(name, "integer", of, measure.description()));
        continue;
      }
      columns.add(figure(name, "decimal", of, measure.description() + " (0 to 1)"));
      columns.add(figure(name + "_numerator", "integer", of, "numerator of " + of));
      columns.add(figure(name + "_denominator", "integer", of, "denominator of " + of));
      columns.add(
          figure(
              name + "_unknown", "integer", of, "people of the population whose case is unknown"));
      if (measure.kind() == Kind.SHARE) {
        columns.add(figure(name + "_threshold_min", "decimal", of, "the label's minimum share"));
        columns.add(
            figure(name + "_threshold_met", "boolean", of, "whether the minimum share is met"));
      }
    }
    columns.add(
        column(
            "suppressed_figures",
            "integer",
            false,
            "figures of the row left empty because their cells were too small"));
    return columns;
  }

  /**
   * The report's rows from the figures computed per group (the groups of {@code GET /indicators}
   * grouped by {@link #groupBy()}), in the groups' order. {@code facts} describe the cohorts of a
   * funder's report.
   */
  public List<Map<String, Object>> rows(
      String country,
      LocalDate from,
      LocalDate to,
      Integer closureRevision,
      UUID funderPartnerId,
      List<IndicatorsView.Group> groups,
      List<LearnerFacts> facts) {
    Map<UUID, LearnerFacts> cohorts = new LinkedHashMap<>();
    for (LearnerFacts learner : facts) {
      if (learner.cohortId() != null) {
        cohorts.putIfAbsent(learner.cohortId(), learner);
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (IndicatorsView.Group group : groups) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("country", country);
      row.put("period_from", from);
      row.put("period_to", to);
      row.put("closure_revision", closureRevision);
      IndicatorsView.Key key = group.key();
      switch (groupBy) {
        case "site" -> row.put("site", key.site());
        case "programme" -> row.put("programme_code", key.programmeCode());
        default -> {
          LearnerFacts cohort = cohorts.get(key.cohortId());
          Function<Function<LearnerFacts, Object>, Object> of =
              field -> cohort == null ? null : field.apply(cohort);
          row.put("funder_partner_id", funderPartnerId);
          row.put("cohort_id", key.cohortId());
          row.put("site", of.apply(LearnerFacts::siteCode));
          row.put("programme_code", of.apply(LearnerFacts::programmeCode));
          row.put("cohort_start_date", of.apply(LearnerFacts::cohortStartDate));
          row.put("cohort_end_date", of.apply(LearnerFacts::cohortEndDate));
        }
      }
      int suppressed = 0;
      for (Measure measure : measures) {
        String name = measure.indicator().replace('-', '_');
        IndicatorsView.Figure figure =
            group.figures().stream()
                .filter(found -> found.indicator().equals(measure.indicator()))
                .filter(found -> found.category() == null)
                .findFirst()
                .orElse(null);
        if (figure != null && figure.suppressed()) {
          suppressed++;
        }
        boolean shown = figure != null && !figure.suppressed();
        if (measure.kind() == Kind.COUNT) {
          row.put(name, shown ? figure.numerator() : null);
          continue;
        }
        row.put(name, shown ? figure.value() : null);
        row.put(name + "_numerator", shown ? figure.numerator() : null);
        row.put(name + "_denominator", shown ? figure.denominator() : null);
        row.put(name + "_unknown", shown ? figure.unknown() : null);
        if (measure.kind() == Kind.SHARE) {
          IndicatorsView.Threshold threshold = figure == null ? null : figure.threshold();
          BigDecimal min = threshold == null ? null : threshold.min();
          row.put(name + "_threshold_min", min);
          row.put(name + "_threshold_met", shown && threshold != null ? threshold.met() : null);
        }
      }
      row.put("suppressed_figures", suppressed);
      rows.add(row);
    }
    return rows;
  }

  private static Measure count(String indicator, String description) {
    return new Measure(indicator, Kind.COUNT, description);
  }

  private static Measure rate(String indicator, String description) {
    return new Measure(indicator, Kind.RATE, description);
  }

  private static Measure share(String indicator, String description) {
    return new Measure(indicator, Kind.SHARE, description);
  }

  private static Column column(String name, String type, boolean nullable, String description) {
    return new Column(name, type, nullable, null, null, description);
  }

  private static Column figure(String name, String type, String indicator, String description) {
    return new Column(name, type, true, indicator, null, description);
  }
}
