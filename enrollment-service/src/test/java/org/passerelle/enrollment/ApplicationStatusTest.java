package org.passerelle.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.enrollment.ApplicationStatus.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApplicationStatusTest {

  /** The selection process, written out once more by hand: every pair is checked. */
  private static final Map<ApplicationStatus, Set<ApplicationStatus>> ALLOWED =
      Map.of(
          SUBMITTED, EnumSet.of(SCREENING, WITHDRAWN),
          SCREENING, EnumSet.of(ACCEPTED, WAITLISTED, REJECTED, WITHDRAWN),
          ACCEPTED, EnumSet.of(ENROLLED, WAITLISTED, WITHDRAWN),
          WAITLISTED, EnumSet.of(ACCEPTED, ENROLLED, WITHDRAWN),
          REJECTED, EnumSet.noneOf(ApplicationStatus.class),
          WITHDRAWN, EnumSet.noneOf(ApplicationStatus.class),
          ENROLLED, EnumSet.of(WITHDRAWN));

  @ParameterizedTest
  @EnumSource(ApplicationStatus.class)
  void everyTransitionIsAllowedOrRefusedAsTheProcessSays(ApplicationStatus from) {
    for (ApplicationStatus to : ApplicationStatus.values()) {
      assertThat(from.canMoveTo(to))
          .as("%s -> %s", from, to)
          .isEqualTo(ALLOWED.get(from).contains(to));
    }
  }

  @ParameterizedTest
  @EnumSource(ApplicationStatus.class)
  void withdrawingIsPossibleFromEveryOpenStateAndFromEnrolment(ApplicationStatus from) {
    assertThat(from.canMoveTo(WITHDRAWN)).isEqualTo(from.isOpen() || from == ENROLLED);
  }

  @ParameterizedTest
  @EnumSource(ApplicationStatus.class)
  void onlyTheSelectionStatesAreOpen(ApplicationStatus from) {
    assertThat(from.isOpen())
        .as("%s", from)
        .isEqualTo(EnumSet.of(SUBMITTED, SCREENING, ACCEPTED, WAITLISTED).contains(from));
  }
}
