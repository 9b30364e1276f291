package org.passerelle.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void aBurstGoesThroughThenOneRequestPerRefillAndOtherClientsAreNotAffected() {
    RateLimiter limiter = new RateLimiter();
    RateLimiter.Limit limit = new RateLimiter.Limit("front-end", 2, 0.5);
    RateLimiter.Decision first = limiter.take("a", limit, 0);
    assertThat(first.remaining()).isEqualTo(1);
    // One token used, refilled at 0.5 per second: full again in 2 seconds.
    assertThat(first.resetSeconds()).isEqualTo(2);
    assertThat(limiter.take("a", limit, 0).allowed()).isTrue();
    RateLimiter.Decision refused = limiter.take("a", limit, 0);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(2);
    assertThat(refused.resetSeconds()).isEqualTo(4);
    assertThat(limiter.take("b", limit, 0).allowed()).isTrue();
    assertThat(limiter.take("a", limit, SECOND).allowed()).isFalse();
    assertThat(limiter.take("a", limit, 2 * SECOND).allowed()).isTrue();
    assertThat(limiter.take("a", limit, 2 * SECOND).allowed()).isFalse();
  }
}
