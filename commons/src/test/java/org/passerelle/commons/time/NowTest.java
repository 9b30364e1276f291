package org.passerelle.commons.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NowTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final ZoneId CASABLANCA = ZoneId.of("Africa/Casablanca");

  /** 23:30 UTC on 5 December: already the 6th in Paris, still the 5th in UTC. */
  private final Now now =
      new Now(Clock.fixed(Instant.parse("2026-12-05T23:30:00Z"), ZoneOffset.UTC));

  @Test
  void todayAtTheSiteTakesEffectNow() {
    assertThat(now.effectiveOn(LocalDate.of(2026, 12, 6), PARIS)).isEqualTo(now.timestamp());
    assertThat(now.effectiveOn(LocalDate.of(2026, 12, 5), ZoneOffset.UTC))
        .isEqualTo(now.timestamp());
  }

  @Test
  void anEarlierDayTakesEffectAtItsStartAtTheSiteInUtc() {
    assertThat(now.effectiveOn(LocalDate.of(2026, 12, 5), PARIS))
        .isEqualTo(OffsetDateTime.parse("2026-12-04T23:00:00Z"));
    assertThat(now.effectiveOn(LocalDate.of(2026, 7, 10), PARIS))
        .isEqualTo(OffsetDateTime.parse("2026-07-09T22:00:00Z"))
        .satisfies(at -> assertThat(at.getOffset()).isEqualTo(ZoneOffset.UTC));
    assertThat(now.effectiveOn(LocalDate.of(2026, 3, 3), CASABLANCA).atZoneSameInstant(CASABLANCA))
        .satisfies(at -> assertThat(at.toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 3)));
  }
}
