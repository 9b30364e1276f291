package org.passerelle.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.placement.JobOfferStatus.CLOSED;
import static org.passerelle.placement.JobOfferStatus.DRAFT;
import static org.passerelle.placement.JobOfferStatus.EXPIRED;
import static org.passerelle.placement.JobOfferStatus.FILLED;
import static org.passerelle.placement.JobOfferStatus.PUBLISHED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every pair of job offer states, and whether the state machine allows it. Plain JUnit. */
class JobOfferStatusTest {

  static final Map<JobOfferStatus, Set<JobOfferStatus>> ALLOWED =
      Map.of(
          DRAFT, EnumSet.of(PUBLISHED),
          PUBLISHED, EnumSet.of(CLOSED, FILLED, EXPIRED),
          CLOSED, EnumSet.noneOf(JobOfferStatus.class),
          FILLED, EnumSet.noneOf(JobOfferStatus.class),
          EXPIRED, EnumSet.noneOf(JobOfferStatus.class));

  @Test
  void everyPairOfStatesIsAllowedExactlyWhenTheTableSaysSo() {
    assertThat(ALLOWED.keySet()).containsExactlyInAnyOrder(JobOfferStatus.values());
    int pairs = 0;
    for (JobOfferStatus from : JobOfferStatus.values()) {
      for (JobOfferStatus to : JobOfferStatus.values()) {
        assertThat(from.canMoveTo(to))
            .as("%s -> %s", from, to)
            .isEqualTo(ALLOWED.get(from).contains(to));
        pairs++;
      }
    }
    assertThat(pairs).isEqualTo(25);
  }

  @Test
  void closedFilledAndExpiredOffersAreOver() {
    assertThat(EnumSet.allOf(JobOfferStatus.class).stream().filter(JobOfferStatus::over))
        .containsExactlyInAnyOrder(CLOSED, FILLED, EXPIRED);
  }
}
