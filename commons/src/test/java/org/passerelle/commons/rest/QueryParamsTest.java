package org.passerelle.commons.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/** Query parameters the services convert themselves say, like JAX-RS's, what would do. */
class QueryParamsTest {

  enum Status {
    OPEN,
    CLOSED
  }

  @Test
  void aValueThatConvertsIsRead() {
    assertThat(QueryParams.date("from", "2026-09-01")).isEqualTo(LocalDate.of(2026, 9, 1));
    assertThat(QueryParams.value(Status.class, "status", "OPEN")).isEqualTo(Status.OPEN);
    assertThat(QueryParams.values(Status.class, "status", List.of("OPEN", "CLOSED")))
        .containsExactly(Status.OPEN, Status.CLOSED);
    assertThat(QueryParams.uuid("id", null)).isNull();
  }

  @Test
  void aDateThatDoesNotConvertNamesTheParameterItsFormatAndAnExample() {
    Problem.FieldError error = refused(() -> QueryParams.date("from", "notadate"));
    assertThat(error.field()).isEqualTo("from");
    assertThat(error.format()).isEqualTo("date");
    assertThat(error.example()).isEqualTo("2026-09-01");
    assertThat(error.accepted()).isNull();
    assertThat(error.message()).contains("« from »").contains("AAAA-MM-JJ");
  }

  @Test
  void anIdThatDoesNotConvertSaysItIsAUuid() {
    Problem.FieldError error = refused(() -> QueryParams.uuid("partnerId", "nope"));
    assertThat(error.field()).isEqualTo("partnerId");
    assertThat(error.format()).isEqualTo("uuid");
    assertThat(UUID.fromString(error.example())).isNotNull();
  }

  @Test
  void anUnknownValueListsTheAcceptedOnes() {
    Problem.FieldError error =
        refused(() -> QueryParams.values(Status.class, "status", List.of("OPEN", "NOPE")));
    assertThat(error.field()).isEqualTo("status");
    assertThat(error.accepted()).containsExactly("OPEN", "CLOSED");
    assertThat(error.format()).isNull();
    assertThat(error.message()).isEqualTo("Le paramètre « status » accepte : OPEN, CLOSED.");
  }

  private static Problem.FieldError refused(Runnable conversion) {
    ProblemException e = catchThrowableOfType(ProblemException.class, conversion::run);
    assertThat(e).isNotNull();
    assertThat(e.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
    assertThat(e.errors()).hasSize(1);
    return e.errors().getFirst();
  }
}
