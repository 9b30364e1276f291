package org.passerelle.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.partnership.DeviceStatus.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every move between two device statuses, allowed or refused. Plain JUnit, no Quarkus. */
class DeviceStatusTest {

  private static final Map<DeviceStatus, Set<DeviceStatus>> ALLOWED =
      Map.of(
          RECEIVED, EnumSet.of(WIPED, RETIRED),
          WIPED, EnumSet.of(READY, RETIRED),
          READY, EnumSet.of(LOANED, RETIRED),
          LOANED, EnumSet.of(RETURNED, GIFTED),
          RETURNED, EnumSet.of(WIPED, RETIRED),
          RETIRED, EnumSet.noneOf(DeviceStatus.class),
          GIFTED, EnumSet.noneOf(DeviceStatus.class));

  @ParameterizedTest
  @EnumSource(DeviceStatus.class)
  void everyTransitionIsAllowedOrRefused(DeviceStatus from) {
    for (DeviceStatus to : DeviceStatus.values()) {
      assertThat(from.canMoveTo(to))
          .as("%s -> %s", from, to)
          .isEqualTo(ALLOWED.get(from).contains(to));
    }
  }

  @ParameterizedTest
  @EnumSource(DeviceStatus.class)
  void onlyAWipedComputerBecomesReadyAndOnlyAReadyOneIsLent(DeviceStatus from) {
    assertThat(from.canMoveTo(READY)).isEqualTo(from == WIPED);
    assertThat(from.canMoveTo(LOANED)).isEqualTo(from == READY);
    assertThat(from.canMoveTo(GIFTED)).isEqualTo(from == LOANED);
  }
}
