package org.passerelle.commons.problem;

import java.util.List;
import org.passerelle.problem.Messages;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/**
 * Thrown by services to answer with a problem. The detail is a message key in {@code Messages}
 * (with arguments) so people read it in their language.
 */
public class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ProblemType type;
  private final String detailKey;
  private final transient Object[] arguments;
  private final transient List<Problem.FieldError> errors;

  public ProblemException(ProblemType type, String detailKey, Object... arguments) {
    this(type, List.of(), detailKey, arguments);
  }

  public ProblemException(
      ProblemType type, List<Problem.FieldError> errors, String detailKey, Object... arguments) {
    super(type.slug() + ": " + detailKey);
    this.type = type;
    this.detailKey = detailKey;
    this.arguments = arguments;
    this.errors = List.copyOf(errors);
  }

  /**
   * 404 for anything missing or outside the caller's scope: the two look the same. {@code resource}
   * names a {@code resource.<name>} message, e.g. {@code application}.
   */
  public static ProblemException notFound(String resource) {
    return new ProblemException(
        ProblemType.NOT_FOUND, "not-found.detail", new Messages.Key("resource." + resource));
  }

  public static ProblemException forbidden() {
    return new ProblemException(ProblemType.FORBIDDEN, "forbidden.detail");
  }

  public static ProblemException outOfScope() {
    return new ProblemException(ProblemType.FORBIDDEN, "forbidden.out-of-scope");
  }

  public static ProblemException invalid(String field, String messageKey, Object... arguments) {
    return new ProblemException(
        ProblemType.VALIDATION_FAILED,
        List.of(new Problem.FieldError(field, Messages.format(null, messageKey, arguments))),
        messageKey,
        arguments);
  }

  public ProblemType type() {
    return type;
  }

  public String detailKey() {
    return detailKey;
  }

  public Object[] arguments() {
    return arguments == null ? new Object[0] : arguments.clone();
  }

  public List<Problem.FieldError> errors() {
    return errors == null ? List.of() : errors;
  }
}
