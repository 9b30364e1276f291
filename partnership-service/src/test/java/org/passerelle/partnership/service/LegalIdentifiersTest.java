package org.passerelle.partnership.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.passerelle.commons.problem.ProblemException;

/** Each country's legal identifier rule, as data. */
class LegalIdentifiersTest {

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
    "FR, 73282932000074, true",
    "FR, 73282932000075, false",
    "FR, 7328293200007, false",
    "FR, 732829320000740, false",
    "FR, 7328293200007A, false",
    "FR, 35600000000001, true",
    "FR, 35600000000002, false",
    "MA, 001525487000088, true",
    "MA, 00152548700008, false",
    "MA, 00152548700008X, false",
  })
  void eachCountryChecksItsOwnIdentifier(String country, String value, boolean valid) {
    if (valid) {
      assertThat(LegalIdentifiers.normalised("n", country, value)).isEqualTo(value);
    } else {
      assertThatThrownBy(() -> LegalIdentifiers.normalised("n", country, value))
          .isInstanceOf(ProblemException.class);
    }
  }

  @Test
  void spacesAreIgnoredAndNoneStaysNone() {
    assertThat(LegalIdentifiers.normalised("n", "FR", "732 829 320 00074"))
        .isEqualTo("73282932000074");
    assertThat(LegalIdentifiers.normalised("n", "FR", null)).isNull();
    assertThatThrownBy(() -> LegalIdentifiers.normalised("n", "ES", "12345678901234"))
        .isInstanceOf(ProblemException.class);
  }
}
