package org.passerelle.cohort.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublicIdsTest {

  @Test
  void idsCarry192RandomBitsInUrlSafeBase64() {
    Set<String> ids = new HashSet<>();
    int[] ones = new int[PublicIds.BYTES * 8];
    int draws = 20_000;
    for (int i = 0; i < draws; i++) {
      String id = PublicIds.next();
      assertThat(id).matches("[A-Za-z0-9_-]{32}");
      assertThat(PublicIds.wellFormed(id)).isTrue();
      byte[] bytes = Base64.getUrlDecoder().decode(id);
      assertThat(bytes).hasSize(24);
      for (int bit = 0; bit < ones.length; bit++) {
        if ((bytes[bit / 8] >> (bit % 8) & 1) == 1) {
          ones[bit]++;
        }
      }
      ids.add(id);
    }
    assertThat(ids).hasSize(draws);
    // Every bit is a coin toss: none is fixed or biased as a counter's or a clock's would be.
    for (int count : ones) {
      assertThat(count).isBetween(draws / 2 - 800, draws / 2 + 800);
    }
  }

  @Test
  void onlyTheIssuedShapeIsWellFormed() {
    assertThat(PublicIds.wellFormed(null)).isFalse();
    assertThat(PublicIds.wellFormed("")).isFalse();
    assertThat(PublicIds.wellFormed("A".repeat(31))).isFalse();
    assertThat(PublicIds.wellFormed("A".repeat(33))).isFalse();
    assertThat(PublicIds.wellFormed("A".repeat(31) + "=")).isFalse();
    assertThat(PublicIds.wellFormed("A".repeat(31) + "/")).isFalse();
    assertThat(PublicIds.wellFormed("A".repeat(31) + "é")).isFalse();
    assertThat(PublicIds.wellFormed("00000000-0000-4000-8000-000000000000")).isFalse();
    assertThat(PublicIds.wellFormed("aZ09_-" + "x".repeat(26))).isTrue();
  }
}
