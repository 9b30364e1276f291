package org.passerelle.enrollment.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransactionException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/** How a row's failure is reported: as the API would answer it, never leaking what was sent. */
class ImportRowProblemsTest {

  private static final UUID IMPORT = UUID.randomUUID();

  private static Problem failure(RuntimeException e, UnaryOperator<String> names, Locale locale) {
    return ImportRowProblems.failure(e, names, locale, IMPORT, 7);
  }

  @Test
  void onlyWhatTheRowSentOrAConflictIsTheRowsOwnFailure() {
    assertThat(
            ImportRowProblems.rowsOwn(
                new QuarkusTransactionException(
                    ProblemException.invalid("applicant.email", "invalid-request.detail", "x"))))
        .isTrue();
    assertThat(
            ImportRowProblems.rowsOwn(
                new QuarkusTransactionException(new DataException("bad", new SQLException()))))
        .isTrue();
    assertThat(
            ImportRowProblems.rowsOwn(
                new ConstraintViolationException("duplicate", new SQLException(), "uq")))
        .isTrue();
    assertThat(ImportRowProblems.rowsOwn(new IllegalStateException("stopping"))).isFalse();
    assertThat(
            ImportRowProblems.rowsOwn(
                new QuarkusTransactionException(
                    new GenericJDBCException("lost", new SQLException("lost", "XX000")))))
        .isFalse();
  }

  @Test
  void anUnexpectedErrorIsReportedGenericallyWithoutItsMessage() {
    Problem problem =
        failure(
            new IllegalStateException("cannot store amina.benali@example.org for Amina Benali"),
            UnaryOperator.identity(),
            Locale.ENGLISH);

    assertThat(problem.type()).isEqualTo(ProblemType.INTERNAL_ERROR.uri());
    assertThat(problem.status()).isEqualTo(500);
    assertThat(problem.detail()).isEqualTo("An unexpected error happened; it has been logged.");
    assertThat(problem.errors()).isEmpty();
    assertThat(problem.toString()).doesNotContain("amina", "Amina", "example.org");
  }

  @Test
  void aValueTheDatabaseRefusesIsTheCallersInputAndSaysNothingOfIt() {
    Problem problem =
        failure(
            new QuarkusTransactionException(
                new DataException(
                    "could not execute statement [ERROR: invalid byte sequence 0x00 in Amina]",
                    new SQLException("Amina"))),
            UnaryOperator.identity(),
            Locale.ENGLISH);

    assertThat(problem.type()).isEqualTo(ProblemType.INVALID_REQUEST.uri());
    assertThat(problem.detail()).isEqualTo("A value sent cannot be stored (forbidden character?).");
    assertThat(problem.toString()).doesNotContain("Amina");
  }

  @Test
  void aRuleProblemKeepsItsTypeDetailAndFieldsNamedAsTheFileNamesThem() {
    Problem problem =
        failure(
            new QuarkusTransactionException(
                ProblemException.invalid(
                    "applicant.address.postalCode", "invalid-request.postal-code-format", "FR")),
            ApplicationCsv::columnOf,
            Locale.ENGLISH);

    assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION_FAILED.uri());
    assertThat(problem.title()).isEqualTo("Invalid data");
    assertThat(problem.detail()).isEqualTo("Not a valid postal code for country FR.");
    // Rendered again in the caller's language, not left in the default one.
    assertThat(problem.errors())
        .containsExactly(
            new Problem.FieldError("postalCode", "Not a valid postal code for country FR."));
  }

  @Test
  void aConflictKeepsItsStatus() {
    Problem problem =
        failure(
            new ProblemException(ProblemType.CONFLICT, "conflict.external-ref", "IDF-1"),
            UnaryOperator.identity(),
            Locale.FRENCH);

    assertThat(problem.status()).isEqualTo(409);
    assertThat(problem.detail())
        .isEqualTo("La référence « IDF-1 » a déjà été utilisée avec d'autres données.");
  }

  @Test
  void aPersonRegisteredAtAnotherSiteFailsTheRowWithTheWayForward() {
    Problem problem =
        failure(
            new QuarkusTransactionException(
                new ProblemException(
                    ProblemType.REGISTERED_AT_ANOTHER_SITE, "registered-at-another-site.detail")),
            UnaryOperator.identity(),
            Locale.ENGLISH);

    assertThat(problem.type()).isEqualTo(ProblemType.REGISTERED_AT_ANOTHER_SITE.uri());
    assertThat(problem.status()).isEqualTo(409);
    assertThat(problem.title()).isEqualTo("Registered at another site");
    assertThat(problem.detail()).contains("A country administrator, who covers both sites");
    assertThat(problem.errors()).isEmpty();
  }
}
