package org.passerelle.placement.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.passerelle.placement.api.IndicatorExportDictionary;

/**
 * An indicators export written as CSV for spreadsheets (RFC 4180, UTF-8): a header line of the
 * dictionary's column names, then one line per row; no value is an empty cell.
 */
final class IndicatorExportCsv {

  static final String TEXT_CSV = "text/csv";

  private IndicatorExportCsv() {}

  static String of(List<IndicatorExportDictionary.Column> columns, List<Map<String, Object>> rows) {
    StringBuilder csv =
        new StringBuilder(
            line(columns.stream().map(IndicatorExportDictionary.Column::name).toList()));
    for (Map<String, Object> row : rows) {
      csv.append(line(columns.stream().map(column -> text(row.get(column.name()))).toList()));
    }
    return csv.toString();
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    String text = value.toString();
    // a spreadsheet would run a cell starting so as a formula
    return text.matches("[=+\\-@\t\r].*") && !text.matches("-?[0-9.]+") ? "'" + text : text;
  }

  private static String line(List<String> cells) {
    return cells.stream().map(IndicatorExportCsv::cell).collect(Collectors.joining(",")) + "\r\n";
  }

  private static String cell(String value) {
    return value.matches("[^\",\r\n]*") ? value : '"' + value.replace("\"", "\"\"") + '"';
  }
}
