package org.passerelle.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.partnership.ConventionStatus.ACTIVE;
import static org.passerelle.partnership.ConventionStatus.DRAFT;
import static org.passerelle.partnership.ConventionStatus.EXPIRED;
import static org.passerelle.partnership.ConventionStatus.SIGNED;
import static org.passerelle.partnership.ConventionStatus.TERMINATED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every pair of convention states, and whether the state machine allows it. Plain JUnit. */
class ConventionStatusTest {

  static final Map<ConventionStatus, Set<ConventionStatus>> ALLOWED =
      Map.of(
          DRAFT, EnumSet.of(SIGNED),
          SIGNED, EnumSet.of(ACTIVE, EXPIRED, TERMINATED),
          ACTIVE, EnumSet.of(EXPIRED, TERMINATED),
          EXPIRED, EnumSet.noneOf(ConventionStatus.class),
          TERMINATED, EnumSet.noneOf(ConventionStatus.class));

  @Test
  void everyPairOfStatesIsAllowedExactlyWhenTheTableSaysSo() {
    assertThat(ALLOWED.keySet()).containsExactlyInAnyOrder(ConventionStatus.values());
    int pairs = 0;
    for (ConventionStatus from : ConventionStatus.values()) {
      for (ConventionStatus to : ConventionStatus.values()) {
        assertThat(from.canMoveTo(to))
            .as("%s -> %s", from, to)
            .isEqualTo(ALLOWED.get(from).contains(to));
        pairs++;
      }
    }
    assertThat(pairs).isEqualTo(25);
  }

  @Test
  void onlySignedConventionsThatWereNotTerminatedCountFactsAndRenew() {
    assertThat(EnumSet.allOf(ConventionStatus.class).stream().filter(ConventionStatus::signed))
        .containsExactlyInAnyOrder(SIGNED, ACTIVE, EXPIRED);
  }
}
