package org.passerelle.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.cohort.CohortStatus.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CohortStatusTest {

  private static final Map<CohortStatus, Set<CohortStatus>> ALLOWED =
      Map.of(
          PLANNED, EnumSet.of(RECRUITING, CANCELLED),
          RECRUITING, EnumSet.of(RUNNING, CANCELLED),
          RUNNING, EnumSet.of(COMPLETED),
          COMPLETED, EnumSet.noneOf(CohortStatus.class),
          CANCELLED, EnumSet.noneOf(CohortStatus.class));

  @ParameterizedTest
  @EnumSource(CohortStatus.class)
  void everyTransitionIsAllowedOrRefused(CohortStatus from) {
    for (CohortStatus to : CohortStatus.values()) {
      assertThat(from.canMoveTo(to))
          .as("%s -> %s", from, to)
          .isEqualTo(ALLOWED.get(from).contains(to));
    }
  }

  @ParameterizedTest
  @EnumSource(CohortStatus.class)
  void cancellingIsOnlyPossibleBeforeTheCohortRuns(CohortStatus from) {
    assertThat(from.canMoveTo(CANCELLED)).isEqualTo(from == PLANNED || from == RECRUITING);
  }
}
