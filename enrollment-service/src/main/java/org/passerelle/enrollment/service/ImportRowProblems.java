package org.passerelle.enrollment.service;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.hibernate.StaleStateException;
import org.hibernate.exception.DataException;
import org.jboss.logging.Logger;
import org.passerelle.commons.problem.FieldPaths;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.enrollment.api.SubmitApplicationRequest;
import org.passerelle.problem.Messages;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/**
 * What an import's report says of a row that failed: the field errors of its validation, named as
 * the file names them and in the caller's language, or the problem its failure is, as the
 * single-application API would answer it. Never the values sent: the report holds no personal data.
 */
final class ImportRowProblems {

  private static final Logger LOG = Logger.getLogger(ImportRowProblems.class);

  private ImportRowProblems() {}

  /** A validator whose messages are in the caller's language, whatever the request context says. */
  static Validator validator(ValidatorFactory validators, Locale locale) {
    return validators
        .usingContext()
        .messageInterpolator(new InLocale(validators.getMessageInterpolator(), locale))
        .getValidator();
  }

  /**
   * The problem of a row that is not a valid application (what did not convert, then what does not
   * validate), or null when it is one.
   */
  static Problem invalid(
      ImportFile.Row row, UnaryOperator<String> names, Validator validator, Locale locale) {
    List<Problem.FieldError> errors = new ArrayList<>(row.errors());
    if (row.request() != null) {
      // A cell that did not convert is reported once, not again as "must not be null".
      Set<String> unconverted = new HashSet<>();
      row.errors().forEach(error -> unconverted.add(error.field()));
      List<Problem.FieldError> invalid = new ArrayList<>();
      for (ConstraintViolation<SubmitApplicationRequest> violation :
          validator.validate(row.request())) {
        String field = names.apply(field(violation.getPropertyPath()));
        if (!unconverted.contains(field)) {
          invalid.add(new Problem.FieldError(field, message(violation, field, locale)));
        }
      }
      String refField = names.apply("externalRef");
      boolean refReported =
          unconverted.contains(refField)
              || invalid.stream().anyMatch(error -> error.field().equals(refField));
      if (!refReported
          && (row.request().externalRef() == null || row.request().externalRef().isBlank())) {
        invalid.add(
            new Problem.FieldError(
                refField, Messages.format(locale, "invalid-request.import-external-ref")));
      }
      invalid.sort(Comparator.comparing(Problem.FieldError::field));
      errors.addAll(invalid);
    }
    if (errors.isEmpty()) {
      return null;
    }
    ImportFile.Failure failure =
        row.failure() != null && !row.errors().isEmpty()
            ? row.failure()
            : new ImportFile.Failure(ProblemType.VALIDATION_FAILED, "validation-failed.detail");
    if (errors.size() > 1
        && row.request() != null
        && failure.type() == ProblemType.INVALID_REQUEST) {
      // A value that did not convert, and more: the detail counts them all.
      failure =
          new ImportFile.Failure(
              ProblemType.INVALID_REQUEST, "invalid-request.several", errors.size());
    }
    return problem(failure.type(), errors, locale, failure.detailKey(), failure.arguments());
  }

  /**
   * Whether a failure is the row's own: what it sent (a rule it breaks, a value the database
   * refuses) or a conflict with what exists. Any other may not be met again when tried later (a
   * service stopping, a database error whose cause was lost on the way).
   */
  static boolean rowsOwn(RuntimeException e) {
    return cause(e, ProblemException.class) != null
        || cause(e, DataException.class) != null
        || conflict(e);
  }

  private static boolean conflict(RuntimeException e) {
    return cause(e, org.hibernate.exception.ConstraintViolationException.class) != null
        || cause(e, OptimisticLockException.class) != null
        || cause(e, StaleStateException.class) != null;
  }

  /** The problem a row's failure is, as the single-application API would answer it. */
  static Problem failure(
      RuntimeException e, UnaryOperator<String> names, Locale locale, UUID importId, int row) {
    ProblemException problem = cause(e, ProblemException.class);
    if (problem != null) {
      List<Problem.FieldError> errors = new ArrayList<>();
      for (Problem.FieldError error : problem.errors()) {
        errors.add(
            new Problem.FieldError(names.apply(error.field()), localised(error, problem, locale)));
      }
      return problem(problem.type(), errors, locale, problem.detailKey(), problem.arguments());
    }
    if (cause(e, DataException.class) != null) {
      return problem(ProblemType.INVALID_REQUEST, List.of(), locale, "invalid-request.data");
    }
    if (conflict(e)) {
      return problem(ProblemType.CONFLICT, List.of(), locale, "conflict.detail");
    }
    // Exception messages may quote the data sent: the log names the exception types only.
    LOG.errorf("import %s: row %d failed unexpectedly (%s)", importId, row, chain(e));
    LOG.debugf(e, "import %s: row %d", importId, row);
    return problem(ProblemType.INTERNAL_ERROR, List.of(), locale, "internal-error.detail");
  }

  /**
   * A field error in the caller's language when it is the problem's own message (errors are made in
   * the default language); otherwise as it is.
   */
  private static String localised(
      Problem.FieldError error, ProblemException problem, Locale locale) {
    if (problem.errors().size() == 1
        && error.message() != null
        && error
            .message()
            .equals(Messages.format(null, problem.detailKey(), problem.arguments()))) {
      return Messages.format(locale, problem.detailKey(), problem.arguments());
    }
    return error.message();
  }

  private static Problem problem(
      ProblemType type,
      List<Problem.FieldError> errors,
      Locale locale,
      String detailKey,
      Object... arguments) {
    return Problem.of(type, locale, null, List.copyOf(errors), detailKey, arguments);
  }

  /** A validation message, unless it would repeat the value sent. */
  private static String message(ConstraintViolation<?> violation, String field, Locale locale) {
    String message = violation.getMessage();
    if (violation.getInvalidValue() instanceof CharSequence value
        && value.length() >= 3
        && message.contains(value)) {
      return Messages.format(locale, "invalid-request.detail", field);
    }
    return message;
  }

  /** {@code applicant.address.postalCode}, {@code consents[0].textVersion}. */
  static String field(Path path) {
    return FieldPaths.of(path);
  }

  static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String chain(Throwable e) {
    StringBuilder chain = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (!chain.isEmpty()) {
        chain.append(" <- ");
      }
      chain.append(t.getClass().getName());
    }
    return chain.toString();
  }

  /** Validation messages in the caller's language, whatever the request context says. */
  private record InLocale(MessageInterpolator delegate, Locale locale)
      implements MessageInterpolator {
    @Override
    public String interpolate(String template, Context context) {
      return delegate.interpolate(template, context, locale);
    }

    @Override
    public String interpolate(String template, Context context, Locale ignored) {
      return delegate.interpolate(template, context, locale);
    }
  }
}
