package org.passerelle.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.placement.CandidacyStatus.APPLIED;
import static org.passerelle.placement.CandidacyStatus.DECLINED;
import static org.passerelle.placement.CandidacyStatus.HIRED;
import static org.passerelle.placement.CandidacyStatus.INTERVIEWING;
import static org.passerelle.placement.CandidacyStatus.NOT_RETAINED;
import static org.passerelle.placement.CandidacyStatus.OFFERED;
import static org.passerelle.placement.CandidacyStatus.PROPOSED;
import static org.passerelle.placement.CandidacyStatus.WITHDRAWN;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every pair of candidacy states, and whether the state machine allows it. Plain JUnit. */
class CandidacyStatusTest {

  static final Map<CandidacyStatus, Set<CandidacyStatus>> ALLOWED =
      Map.of(
          PROPOSED, EnumSet.of(APPLIED, INTERVIEWING, DECLINED, WITHDRAWN, NOT_RETAINED),
          APPLIED, EnumSet.of(INTERVIEWING, WITHDRAWN, NOT_RETAINED),
          INTERVIEWING, EnumSet.of(OFFERED, WITHDRAWN, NOT_RETAINED),
          OFFERED, EnumSet.of(HIRED, DECLINED, WITHDRAWN, NOT_RETAINED),
          HIRED, EnumSet.noneOf(CandidacyStatus.class),
          DECLINED, EnumSet.noneOf(CandidacyStatus.class),
          WITHDRAWN, EnumSet.noneOf(CandidacyStatus.class),
          NOT_RETAINED, EnumSet.noneOf(CandidacyStatus.class));

  @Test
  void everyPairOfStatesIsAllowedExactlyWhenTheTableSaysSo() {
    assertThat(ALLOWED.keySet()).containsExactlyInAnyOrder(CandidacyStatus.values());
    int pairs = 0;
    for (CandidacyStatus from : CandidacyStatus.values()) {
      for (CandidacyStatus to : CandidacyStatus.values()) {
        assertThat(from.canMoveTo(to))
            .as("%s -> %s", from, to)
            .isEqualTo(ALLOWED.get(from).contains(to));
        pairs++;
      }
    }
    assertThat(pairs).isEqualTo(64);
  }

  @Test
  void theLearnerAndTheEmployerEachHaveTheirOwnSteps() {
    assertThat(EnumSet.allOf(CandidacyStatus.class).stream().filter(CandidacyStatus::learnersMove))
        .containsExactlyInAnyOrder(APPLIED, DECLINED, WITHDRAWN);
    assertThat(EnumSet.allOf(CandidacyStatus.class).stream().filter(CandidacyStatus::employersMove))
        .containsExactlyInAnyOrder(INTERVIEWING, OFFERED, HIRED, NOT_RETAINED);
  }
}
