package org.passerelle.commons.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void waitAfterFailuresDoublesUpToTheCap() {
    Duration initial = Duration.ofSeconds(10);
    Duration max = Duration.ofMinutes(1);
    assertThat(Backoff.after(1, initial, max)).isEqualTo(Duration.ofSeconds(10));
    assertThat(Backoff.after(2, initial, max)).isEqualTo(Duration.ofSeconds(20));
    assertThat(Backoff.after(3, initial, max)).isEqualTo(Duration.ofSeconds(40));
    assertThat(Backoff.after(4, initial, max)).isEqualTo(max);
    assertThat(Backoff.after(1_000, initial, max)).isEqualTo(max);
  }
}
