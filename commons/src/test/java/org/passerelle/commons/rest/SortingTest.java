package org.passerelle.commons.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.passerelle.commons.problem.ProblemException;

/** How a list's sort parameter becomes its order, and what it refuses. */
class SortingTest {

  private static final Sorting COHORTS =
      Sorting.of(
          "startDate", "id", "startDate", "start_date", "name", "lower(name)", "site", "site_code");

  @Test
  void noSortIsTheDefaultOrderEndingWithTheTieBreaker() {
    Sorting.Order order = COHORTS.parse(null);
    assertThat(order.isDefault()).isTrue();
    assertThat(order.clause()).isEqualTo("start_date, id");
    assertThat(COHORTS.parse(" ").isDefault()).isTrue();
    assertThat(COHORTS.parse("startDate").isDefault()).isTrue();
    assertThat(COHORTS.parse("-startDate").isDefault()).isFalse();
  }

  @Test
  void fieldsSortInTheirOrderAndAMinusDescends() {
    Sorting.Order order = COHORTS.parse("-site,name");
    assertThat(order.isDefault()).isFalse();
    assertThat(order.clause()).isEqualTo("site_code desc, lower(name), id");
    assertThat(order.sort().getColumns())
        .extracting(c -> c.getName() + " " + c.getDirection())
        .containsExactly("site_code Descending", "lower(name) Ascending", "id Ascending");
  }

  @Test
  void aListReadNewestFirstBreaksTiesDescending() {
    Sorting imports =
        Sorting.of("-startedAt", "-id", "startedAt", "startedAt", "country", "country");
    assertThat(imports.parse(null).clause()).isEqualTo("startedAt desc, id desc");
    assertThat(imports.parse("country").sort().getColumns())
        .extracting(c -> c.getName() + " " + c.getDirection())
        .containsExactly("country Ascending", "id Descending");
  }

  @Test
  void anUnknownEmptyOrRepeatedFieldIsRefusedNamingTheAcceptedOnes() {
    assertThatThrownBy(() -> COHORTS.parse("name,-colour"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.detailKey()).isEqualTo("invalid-request.sort-field");
              assertThat(e.arguments()).containsExactly("-colour", "startDate, name, site");
              assertThat(e.errors()).extracting(error -> error.field()).containsExactly("sort");
            });
    assertThatThrownBy(() -> COHORTS.parse("name,"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.detailKey()).isEqualTo("invalid-request.sort-field"));
    assertThatThrownBy(() -> COHORTS.parse("start_date"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.detailKey()).isEqualTo("invalid-request.sort-field"));
    assertThatThrownBy(() -> COHORTS.parse("name,-name"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.detailKey()).isEqualTo("invalid-request.sort-field-twice"));
  }
}
