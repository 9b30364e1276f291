package org.passerelle.enrollment.service;

import java.util.List;
import java.util.function.UnaryOperator;
import org.passerelle.enrollment.api.SubmitApplicationRequest;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/**
 * An import file read whole, before any row is applied: its format, its rows as read (each a
 * request, or why it is not one), and what makes two requests the same for Idempotency-Key.
 *
 * @param fingerprint what makes two requests the same for Idempotency-Key
 * @param fieldNames how the file names a request field (CSV: its column)
 */
public record ImportFile(
    String format, List<Row> rows, Fingerprint fingerprint, UnaryOperator<String> fieldNames) {

  public static final String CSV = "CSV";
  public static final String JSON = "JSON";

  /** Why a row failed before it was validated: the problem type and its detail. */
  record Failure(ProblemType type, String detailKey, Object... arguments) {}

  /**
   * A row as read from the file, before validation.
   *
   * @param request null when the row is not an application at all
   * @param errors cells or values that did not convert (named as the file names them)
   * @param failure the problem to report when {@code errors} is not empty
   * @param externalRef the row's reference as sent, if any (checked before it is reported)
   */
  record Row(
      int row,
      Integer line,
      SubmitApplicationRequest request,
      List<Problem.FieldError> errors,
      Failure failure,
      String externalRef) {}

  /** Format and body hash: the request an Idempotency-Key is bound to. */
  public record Fingerprint(String format, String sha256) {}
}
