package org.passerelle.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void opensAfterConsecutiveFailuresProbesAfterTheDelayAndClosesOnSuccess() {
    CircuitBreaker breaker = new CircuitBreaker(3, 10 * SECOND);
    breaker.failure(0);
    breaker.failure(0);
    assertThat(breaker.allow(0)).isTrue();
    breaker.failure(0);
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.allow(5 * SECOND)).isFalse();
    assertThat(breaker.retryAfterSeconds(5 * SECOND)).isEqualTo(5);
    assertThat(breaker.allow(10 * SECOND)).isTrue();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    assertThat(breaker.allow(10 * SECOND)).as("one probe at a time").isFalse();
    breaker.success();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.allow(10 * SECOND)).isTrue();
  }

  @Test
  void aFailedProbeOpensItAgainAndASuccessForgetsEarlierFailures() {
    CircuitBreaker breaker = new CircuitBreaker(2, SECOND);
    breaker.failure(0);
    breaker.success();
    breaker.failure(0);
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    breaker.failure(0);
    assertThat(breaker.allow(SECOND)).isTrue();
    breaker.failure(SECOND);
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.allow(SECOND + SECOND / 2)).isFalse();
  }
}
