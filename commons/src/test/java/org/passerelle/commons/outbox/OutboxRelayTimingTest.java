package org.passerelle.commons.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Per-aggregate order across a broker outage rests on one inequality: the relay gives up on a batch
 * (and aborts every record its producer holds) before the Kafka client would expire any of them by
 * itself. An expired batch lets the batches behind it through, so an event would land after its
 * successor (seen in EventBackboneFaultTest when the client's delivery timeout was 20 s).
 */
class OutboxRelayTimingTest {

  @Test
  void theRelayAbortsItsRecordsBeforeTheClientCouldExpireAny() {
    assertThat(OutboxRelay.PRODUCER_DELIVERY_TIMEOUT)
        .isGreaterThan(
            OutboxRelay.ACKNOWLEDGEMENT_WAIT.plus(OutboxRelay.CLOSE_GRACE).multipliedBy(2));
  }
}
