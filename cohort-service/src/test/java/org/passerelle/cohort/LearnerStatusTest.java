package org.passerelle.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.passerelle.cohort.LearnerStatus.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LearnerStatusTest {

  private static final Map<LearnerStatus, Set<LearnerStatus>> ALLOWED =
      Map.of(
          ENROLLED, EnumSet.of(ACTIVE, WITHDRAWN, TRANSFERRED),
          ACTIVE, EnumSet.of(COMPLETED, WITHDRAWN, TRANSFERRED),
          COMPLETED, EnumSet.noneOf(LearnerStatus.class),
          WITHDRAWN, EnumSet.of(ENROLLED),
          TRANSFERRED, EnumSet.of(ENROLLED, ACTIVE));

  @ParameterizedTest
  @EnumSource(LearnerStatus.class)
  void everyTransitionIsAllowedOrRefused(LearnerStatus from) {
    assertThat(ALLOWED).containsKey(from);
    for (LearnerStatus to : LearnerStatus.values()) {
      assertThat(from.canMoveTo(to))
          .as("%s -> %s", from, to)
          .isEqualTo(ALLOWED.get(from).contains(to));
    }
  }

  @ParameterizedTest
  @EnumSource(LearnerStatus.class)
  void aSeatMovesOnlyAlongTheStateMachine(LearnerStatus from) {
    for (LearnerStatus to : LearnerStatus.values()) {
      CohortLearner seat = new CohortLearner();
      seat.status = from;
      if (ALLOWED.get(from).contains(to)) {
        seat.moveTo(to);
        assertThat(seat.status).isEqualTo(to);
      } else {
        assertThatThrownBy(() -> seat.moveTo(to))
            .as("%s -> %s", from, to)
            .isInstanceOf(IllegalStateException.class);
        assertThat(seat.status).isEqualTo(from);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(LearnerStatus.class)
  void onlyEnrolledAndActiveLearnersHoldASeat(LearnerStatus status) {
    assertThat(status.holdsSeat()).isEqualTo(status == ENROLLED || status == ACTIVE);
    assertThat(LearnerStatus.holdingSeat().contains(status)).isEqualTo(status.holdsSeat());
  }

  @ParameterizedTest
  @EnumSource(LearnerStatus.class)
  void noStatusMovesToItself(LearnerStatus status) {
    assertThat(status.canMoveTo(status)).isFalse();
  }
}
