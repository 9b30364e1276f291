package org.passerelle.enrollment.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.problem.ProblemType;

class CsvRecordsTest {

  private static List<CsvRecords.Record> read(String text) {
    return CsvRecords.of(text).all();
  }

  @Test
  void recordsEndWithCrLfLfOrCrAndTheLastNeedsNoLineBreak() {
    List<CsvRecords.Record> records = read("a,b\r\nc,d\ne,f\rg,h");
    assertThat(records)
        .containsExactly(
            new CsvRecords.Record(1, List.of("a", "b")),
            new CsvRecords.Record(2, List.of("c", "d")),
            new CsvRecords.Record(3, List.of("e", "f")),
            new CsvRecords.Record(4, List.of("g", "h")));
  }

  @Test
  void quotedCellsHoldSeparatorsQuotesAndLineBreaks() {
    List<CsvRecords.Record> records =
        read("h1,h2,h3\r\n\"a, b\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nnext,\"\",x\r\n");
    assertThat(records).hasSize(3);
    assertThat(records.get(1).cells()).containsExactly("a, b", "say \"hi\"", "two\r\nlines");
    assertThat(records.get(1).line()).isEqualTo(2);
    assertThat(records.get(2)).isEqualTo(new CsvRecords.Record(4, List.of("next", "", "x")));
  }

  @Test
  void emptyCellsAndATrailingSeparatorAreKept() {
    assertThat(read("a,,c,\n").getFirst().cells()).containsExactly("a", "", "c", "");
  }

  @Test
  void byteOrderMarkIsDroppedAndBlankRecordsSkipped() {
    List<CsvRecords.Record> records = read("\uFEFFa,b\n\n,\n  , \nc,d\n\n");
    assertThat(records)
        .containsExactly(
            new CsvRecords.Record(1, List.of("a", "b")),
            new CsvRecords.Record(5, List.of("c", "d")));
  }

  @Test
  void aHeaderWithSemicolonsAndNoCommaMeansSemicolonSeparated() {
    CsvRecords records = CsvRecords.of("a;b;c\n1,5;\"x;y\";z\n");
    assertThat(records.separator()).isEqualTo(';');
    assertThat(records.all().get(1).cells()).containsExactly("1,5", "x;y", "z");
    assertThat(CsvRecords.of("a,b;c\n").separator()).isEqualTo(',');
  }

  @Test
  void aQuoteInsideAnUnquotedCellIsText() {
    assertThat(read("O\"Neil,x\n").getFirst().cells()).containsExactly("O\"Neil", "x");
  }

  @Test
  void spacesAroundAQuotedCellAreIgnored() {
    assertThat(read("a, \"b\" ,c\n").getFirst().cells()).containsExactly("a", "b", "c");
  }

  @Test
  void anUnclosedQuoteRefusesTheFileNamingItsLine() {
    assertThatThrownBy(() -> read("a,b\nc,\"d\ne,f\n"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ProblemType.INVALID_REQUEST);
              assertThat(e.detailKey()).isEqualTo("invalid-request.csv-unclosed-quote");
              assertThat(e.arguments()).containsExactly(2);
            });
  }

  @Test
  void textAfterAClosingQuoteRefusesTheFile() {
    assertThatThrownBy(() -> read("a,b\n\"c\"x,d\n"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.detailKey()).isEqualTo("invalid-request.csv-after-quote");
              assertThat(e.arguments()).containsExactly(2);
            });
  }

  @Test
  void emptyTextHasNoRecord() {
    assertThat(read("")).isEmpty();
    assertThat(read("\uFEFF")).isEmpty();
  }
}
