package org.passerelle.partnership.rest;

import java.util.stream.Collectors;
import org.passerelle.partnership.api.DeclaredValue;
import org.passerelle.partnership.api.DonorSummary;

/** A donor's yearly summary written as CSV for spreadsheets: its donations, then its totals. */
final class DonorSummaryCsv {

  static final String TEXT_CSV = "text/csv";

  private DonorSummaryCsv() {}

  static String of(DonorSummary summary) {
    StringBuilder csv =
        new StringBuilder("line,donation_id,donated_on,site,units,amount,currency\r\n");
    for (DonorSummary.Line line : summary.lines()) {
      csv.append(
          row(
              "donation",
              line.donationId().toString(),
              line.donatedOn().toString(),
              line.site(),
              Integer.toString(line.units()),
              line.declaredValue().amount().toPlainString(),
              line.declaredValue().currency()));
    }
    for (DeclaredValue total : summary.declaredValue()) {
      csv.append(
          row(
              "total",
              "",
              Integer.toString(summary.year()),
              "",
              Integer.toString(summary.units()),
              total.amount().toPlainString(),
              total.currency()));
    }
    return csv.toString();
  }

  private static String row(String... cells) {
    return java.util.Arrays.stream(cells)
            .map(DonorSummaryCsv::cell)
            .collect(Collectors.joining(","))
        + "\r\n";
  }

  private static String cell(String value) {
    return value.matches("[^\",\r\n]*") ? value : '"' + value.replace("\"", "\"\"") + '"';
  }
}
