package org.passerelle.commons.locks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdvisoryLocksTest {

  @Test
  void theSameKeyIsTheSameLockInEveryInstance() {
    // Fixed value: instances of different versions must agree on the lock of a key.
    assertThat(AdvisoryLocks.key("applicant-email", "FR", "a@example.org"))
        .isEqualTo(AdvisoryLocks.key("applicant-email", "FR", "a@example.org"))
        .isEqualTo(0x15f7a039523413e0L);
  }

  @Test
  void theKindAndEachPartMakeAnotherKey() {
    long key = AdvisoryLocks.key("applicant-email", "FR", "a@example.org");
    assertThat(AdvisoryLocks.key("applicant-subject", "FR", "a@example.org")).isNotEqualTo(key);
    assertThat(AdvisoryLocks.key("applicant-email", "MA", "a@example.org")).isNotEqualTo(key);
    assertThat(AdvisoryLocks.key("applicant-email", "FRa", "@example.org")).isNotEqualTo(key);
  }

  @Test
  void aCountrysSessionLockKeyIsItsTwoLetters() {
    // Fixed values: a job's instances of different versions must take the same lock per country
    // (the retention job's tests hold it as another instance would).
    assertThat(AdvisoryLocks.countryKey("FR")).isEqualTo(0x4652);
    assertThat(AdvisoryLocks.countryKey("MA")).isEqualTo(0x4d41);
  }
}
