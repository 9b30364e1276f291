package org.passerelle.enrollment.service;

import java.util.ArrayList;
import java.util.List;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.problem.ProblemType;

/**
 * A small RFC 4180 reader: records separated by CRLF, LF or CR; cells separated by a comma (or a
 * semicolon when the header row has semicolons and no comma, as spreadsheets set to French write
 * it); a cell in double quotes may hold separators, line breaks and doubled quotes. An optional
 * UTF-8 byte-order mark is dropped. A quote inside an unquoted cell is kept as it is.
 *
 * <p>Blank records (no characters, or only empty cells) are skipped. A quoted cell that is never
 * closed, or text after a closing quote, makes the whole file unreadable (400).
 */
public final class CsvRecords {

  /** One record: the line of the file it starts on (1-based) and its cells, as written. */
  public record Record(int line, List<String> cells) {}

  private final String text;
  private final char separator;
  private int position;
  private int line = 1;

  private CsvRecords(String text) {
    this.text = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    this.separator = separator(this.text);
  }

  public static CsvRecords of(String text) {
    return new CsvRecords(text);
  }

  /** The separator the header row uses. */
  public char separator() {
    return separator;
  }

  /** The next non-blank record, or null at the end of the text. */
  public Record next() {
    while (position < text.length()) {
      int start = line;
      List<String> cells = readRecord();
      if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
        return new Record(start, cells);
      }
    }
    return null;
  }

  /** Every record, for tests and small files. */
  public List<Record> all() {
    List<Record> records = new ArrayList<>();
    for (Record record = next(); record != null; record = next()) {
      records.add(record);
    }
    return records;
  }

  private List<String> readRecord() {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    while (true) {
      if (position >= text.length()) {
        cells.add(cell.toString());
        return cells;
      }
      char c = text.charAt(position);
      if (c == '"' && cell.toString().isBlank()) {
        cell.setLength(0);
        readQuoted(cell);
        continue;
      }
      if (c == separator) {
        cells.add(cell.toString());
        cell.setLength(0);
        position++;
      } else if (c == '\r' || c == '\n') {
        cells.add(cell.toString());
        endOfLine();
        return cells;
      } else {
        cell.append(c);
        position++;
      }
    }
  }

  /** A quoted cell from its opening quote; leaves the position on what follows it. */
  private void readQuoted(StringBuilder cell) {
    int opened = line;
    position++;
    while (true) {
      if (position >= text.length()) {
        throw new ProblemException(
            ProblemType.INVALID_REQUEST, "invalid-request.csv-unclosed-quote", opened);
      }
      char c = text.charAt(position);
      if (c == '"') {
        if (position + 1 < text.length() && text.charAt(position + 1) == '"') {
          cell.append('"');
          position += 2;
          continue;
        }
        position++;
        break;
      }
      if (c == '\n' || (c == '\r' && !followedBy('\n'))) {
        line++;
      }
      cell.append(c);
      position++;
    }
    // Spaces may follow the closing quote; anything else is not CSV.
    while (position < text.length() && text.charAt(position) == ' ') {
      position++;
    }
    if (position < text.length()) {
      char next = text.charAt(position);
      if (next != separator && next != '\r' && next != '\n') {
        throw new ProblemException(
            ProblemType.INVALID_REQUEST, "invalid-request.csv-after-quote", line);
      }
    }
  }

  private void endOfLine() {
    if (text.charAt(position) == '\r' && followedBy('\n')) {
      position++;
    }
    position++;
    line++;
  }

  private boolean followedBy(char c) {
    return position + 1 < text.length() && text.charAt(position + 1) == c;
  }

  /** A semicolon when the header row has semicolons and no comma (outside quotes). */
  private static char separator(String text) {
    int commas = 0;
    int semicolons = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted && c == ',') {
        commas++;
      } else if (!quoted && c == ';') {
        semicolons++;
      }
    }
    return semicolons > 0 && commas == 0 ? ';' : ',';
  }
}
