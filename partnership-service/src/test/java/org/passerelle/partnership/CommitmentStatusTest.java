package org.passerelle.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Every pair of commitment states: only OPEN moves, to FULFILLED or MISSED. Plain JUnit. */
class CommitmentStatusTest {

  @Test
  void everyPairOfStatesIsAllowedExactlyWhenTheTableSaysSo() {
    for (CommitmentStatus from : CommitmentStatus.values()) {
      for (CommitmentStatus to : CommitmentStatus.values()) {
        boolean allowed =
            from == CommitmentStatus.OPEN
                && EnumSet.of(CommitmentStatus.FULFILLED, CommitmentStatus.MISSED).contains(to);
        assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(allowed);
      }
    }
  }

  @Test
  void manualKindsAreThoseNoFactCounts() {
    assertThat(EnumSet.allOf(CommitmentKind.class).stream().filter(CommitmentKind::manual))
        .containsExactlyInAnyOrder(
            CommitmentKind.MENTORING_HOURS, CommitmentKind.FUNDING, CommitmentKind.PREMISES);
  }
}
