package org.passerelle.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void aProblemOfATypeCarriesItsUriStatusAndTextsInTheCallersLanguage() {
    Problem problem =
        Problem.of(
            ProblemType.SERVICE_UNAVAILABLE,
            Locale.forLanguageTag("ar"),
            "/api/v1/cohorts",
            List.of(),
            "service-unavailable.detail",
            "cohort");
    assertThat(problem.type()).isEqualTo("https://passerelle.org/problems/service-unavailable");
    assertThat(problem.status()).isEqualTo(503);
    assertThat(problem.title()).isEqualTo("الخدمة غير متاحة");
    assertThat(problem.detail()).contains("cohort").doesNotContain("{0}");
    assertThat(problem.instance()).isEqualTo("/api/v1/cohorts");
  }
}
