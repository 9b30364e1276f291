package org.passerelle.commons.outbox;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Per-aggregate order across a broker outage rests on one inequality: the relay gives up on a batch
 * (and aborts every record its producer holds) before the Kafka client would expire any of them by
 * itself. An expired batch lets the batches behind it through, so an event would land after its
 * successor (seen in EventBackboneFaultTest when the client's delivery timeout was 20 s).
 */
class OutboxRelayTimingTest {

  @Test
  void theRelayGivesUpWellBeforeTheClientCouldExpireARecord() {
    assertThatCode(() -> OutboxRelay.checkTiming(Duration.ofSeconds(30)))
        .doesNotThrowAnyException();
    assertThatCode(() -> OutboxRelay.checkTiming(Duration.ofSeconds(5))).doesNotThrowAnyException();
    assertThatCode(() -> OutboxRelay.checkTiming(Duration.ofSeconds(148)))
        .doesNotThrowAnyException();
  }

  @Test
  void aWaitTheClientCouldOutlastIsRefusedAtStart() {
    for (Duration wait :
        new Duration[] {Duration.ofSeconds(149), Duration.ofMinutes(5), Duration.ZERO}) {
      assertThatThrownBy(() -> OutboxRelay.checkTiming(wait))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("acknowledgement-wait");
    }
  }
}
