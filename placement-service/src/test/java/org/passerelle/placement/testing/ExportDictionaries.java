package org.passerelle.placement.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks an indicators export against its dictionary: exactly the dictionary's columns, in its
 * order, and each value of the declared type (empty only where the column may be).
 */
public final class ExportDictionaries {

  /** A dictionary column as the checks need it (from the API's JSON or the Java record). */
  public record Column(String name, String type, boolean nullable) {}

  private ExportDictionaries() {}

  /** The columns of a dictionary read from the API's JSON ({@code columns}). */
  public static List<Column> columns(List<Map<String, Object>> json) {
    return json.stream()
        .map(
            column ->
                new Column(
                    (String) column.get("name"),
                    (String) column.get("type"),
                    (Boolean) column.get("nullable")))
        .toList();
  }

  /** A CSV export: its header is the dictionary's names, each cell text of the declared type. */
  public static int checkCsv(String csv, List<Column> columns) {
    assertThat(csv).endsWith("\r\n");
    List<List<String>> lines = parse(csv);
    assertThat(lines.getFirst()).containsExactlyElementsOf(names(columns));
    for (List<String> line : lines.subList(1, lines.size())) {
      assertThat(line).hasSameSizeAs(columns);
      for (int i = 0; i < columns.size(); i++) {
        check(columns.get(i), line.get(i).isEmpty() ? null : line.get(i));
      }
    }
    return lines.size() - 1;
  }

  /** JSON rows: exactly the dictionary's keys, in order, each value of the declared type. */
  public static void checkJson(List<Map<String, Object>> rows, List<Column> columns) {
    for (Map<String, Object> row : rows) {
      assertThat(List.copyOf(row.keySet())).containsExactlyElementsOf(names(columns));
      for (Column column : columns) {
        Object value = row.get(column.name());
        if (value != null && column.type().equals("boolean")) {
          assertThat(value).as(column.name()).isInstanceOf(Boolean.class);
        } else if (value != null
            && (column.type().equals("integer") || column.type().equals("decimal"))) {
          assertThat(value).as(column.name()).isInstanceOf(Number.class);
        }
        check(column, value == null ? null : value.toString());
      }
    }
  }

  private static void check(Column column, String value) {
    if (value == null) {
      assertThat(column.nullable()).as(column.name() + " may not be empty").isTrue();
      return;
    }
    String pattern =
        switch (column.type()) {
          case "string" -> "[^=+@\\t\\r].*";
          case "date" -> "\\d{4}-\\d{2}-\\d{2}";
          case "uuid" -> "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
          case "integer" -> "-?\\d+";
          case "decimal" -> "-?\\d+(\\.\\d{1,4})?";
          case "boolean" -> "true|false";
          default -> throw new AssertionError("unknown type " + column.type());
        };
    assertThat(value).as(column.name() + " (" + column.type() + ")").matches(pattern);
  }

  private static List<String> names(List<Column> columns) {
    return columns.stream().map(Column::name).toList();
  }

  /** RFC 4180 lines and cells. */
  private static List<List<String>> parse(String csv) {
    List<List<String>> lines = new ArrayList<>();
    List<String> line = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        line.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        line.add(cell.toString());
        cell.setLength(0);
        lines.add(line);
        line = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    return lines;
  }
}
