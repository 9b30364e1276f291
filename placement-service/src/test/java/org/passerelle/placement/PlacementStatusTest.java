package org.passerelle.placement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The placement's and the follow-up's state machines, every pair of states. */
class PlacementStatusTest {

  @Test
  void aPlacementToConfirmIsRecordedOrDismissedOnceAndThenMovesNoMore() {
    for (PlacementStatus from : PlacementStatus.values()) {
      for (PlacementStatus to : PlacementStatus.values()) {
        boolean allowed =
            switch (from) {
              case TO_CONFIRM -> to == PlacementStatus.RECORDED || to == PlacementStatus.DISMISSED;
              case RECORDED, DISMISSED -> false;
            };
        assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(allowed);
      }
    }
  }

  @Test
  void everyPairOfFollowUpStatesIsAllowedExactlyWhenTheTableSaysSo() {
    for (FollowUpStatus from : FollowUpStatus.values()) {
      for (FollowUpStatus to : FollowUpStatus.values()) {
        boolean allowed =
            switch (from) {
              case SCHEDULED ->
                  to == FollowUpStatus.NO_CONSENT
                      || to == FollowUpStatus.DONE
                      || to == FollowUpStatus.UNREACHABLE;
              case NO_CONSENT -> to == FollowUpStatus.SCHEDULED;
              case DONE, UNREACHABLE -> false;
            };
        assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(allowed);
      }
    }
  }
}
