package org.passerelle.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyQuotaTest {

  @Test
  void aClientSendsAFewBodiesAtOnceAndGetsItsPlaceBackOnceABodyIsWhole() {
    BodyQuota quota = new BodyQuota(2, 1000);
    BodyQuota.Slot first = quota.acquire("web|amina");
    BodyQuota.Slot second = quota.acquire("web|amina");
    assertThat(first).isNotNull();
    assertThat(second).isNotNull();
    assertThat(quota.acquire("web|amina")).as("a third body at once").isNull();
    assertThat(quota.acquire("web|karim")).as("another client").isNotNull();
    first.received();
    assertThat(quota.acquire("web|amina")).isNotNull();
  }

  @Test
  void bytesAreCountedAsTheyArriveWithinOneBudgetAndGivenBackOnce() {
    BodyQuota quota = new BodyQuota(4, 1000);
    BodyQuota.Slot a = quota.acquire("a");
    BodyQuota.Slot b = quota.acquire("b");
    assertThat(a.grow(600)).isTrue();
    assertThat(b.grow(500)).as("past the budget").isFalse();
    assertThat(b.grow(400)).isTrue();
    assertThat(quota.buffered()).isEqualTo(1000);
    a.release();
    a.release();
    assertThat(quota.buffered()).isEqualTo(400);
    assertThat(a.grow(10)).as("a released slot takes nothing").isFalse();
    b.release();
    assertThat(quota.buffered()).isZero();
    assertThat(quota.inFlight("a")).isZero();
    assertThat(quota.inFlight("b")).isZero();
  }
}
