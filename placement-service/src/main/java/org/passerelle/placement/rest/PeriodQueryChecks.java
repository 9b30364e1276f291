package org.passerelle.placement.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.QueryParams;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/**
 * A period query's values (indicators and their exports), each checked in turn, so that one 400
 * names every bad parameter (a missing period does not hide a misspelt groupBy).
 */
final class PeriodQueryChecks {
  private final List<ProblemException> problems = new ArrayList<>();

  <T> T check(Supplier<T> parse) {
    try {
      return parse.get();
    } catch (ProblemException e) {
      problems.add(e);
      return null;
    }
  }

  String required(String name, String value) {
    if (value == null) {
      problems.add(ProblemException.invalid(name, "invalid-request.parameter-missing", name));
    }
    return value;
  }

  LocalDate date(String name, String value) {
    if (required(name, value) == null) {
      return null;
    }
    return check(() -> QueryParams.date(name, value));
  }

  /** The last check: throws the problem naming every bad parameter. */
  void period(LocalDate start, LocalDate end) {
    if (start != null && end != null && end.isBefore(start)) {
      problems.add(ProblemException.invalid("to", "invalid-request.period-order"));
    }
    if (problems.size() == 1) {
      throw problems.getFirst();
    }
    if (!problems.isEmpty()) {
      List<Problem.FieldError> errors = new ArrayList<>();
      problems.forEach(problem -> errors.addAll(problem.errors()));
      throw new ProblemException(ProblemType.VALIDATION_FAILED, errors, "validation-failed.detail");
    }
  }
}
