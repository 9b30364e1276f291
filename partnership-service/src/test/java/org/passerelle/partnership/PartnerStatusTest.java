package org.passerelle.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every pair of statuses, once: a partnership ends and may start again. */
class PartnerStatusTest {

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
    "ACTIVE, ACTIVE, false",
    "ACTIVE, INACTIVE, true",
    "INACTIVE, ACTIVE, true",
    "INACTIVE, INACTIVE, false",
  })
  void movesOnlyToTheOtherStatus(PartnerStatus from, PartnerStatus to, boolean allowed) {
    assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    assertThat(from.canMoveTo(null)).isFalse();
  }
}
