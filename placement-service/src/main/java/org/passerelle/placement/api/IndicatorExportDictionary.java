package org.passerelle.placement.api;

import java.util.List;

/**
 * What an indicators export holds: its columns in order, each with its type and meaning. The CSV
 * has exactly these columns as its header, the JSON rows exactly these keys.
 *
 * @param countries the countries the report is made for
 * @param groupBy what one row is: a site, a programme or a cohort
 */
public record IndicatorExportDictionary(
    String report, String title, List<String> countries, String groupBy, List<Column> columns) {

  /**
   * One column. Types: {@code string}, {@code date} (ISO-8601), {@code uuid}, {@code integer},
   * {@code decimal} (a point, four decimals at most), {@code boolean} ({@code true}/{@code false}).
   * A nullable column is empty in CSV and null in JSON when there is no value (unknown, not
   * applicable, or suppressed).
   *
   * @param indicator the indicator id the column comes from (see /indicators/definitions); null for
   *     the row's key and period columns
   * @param definitionVersion the version of that indicator's definition the figures follow
   */
  public record Column(
      String name,
      String type,
      boolean nullable,
      String indicator,
      Integer definitionVersion,
      String description) {}
}
