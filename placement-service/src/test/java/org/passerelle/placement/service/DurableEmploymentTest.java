package org.passerelle.placement.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.passerelle.placement.ContractType;
import org.passerelle.placement.Situation;

/** Each country's durable-employment rule, as the service's configuration keeps it. */
@QuarkusTest
class DurableEmploymentTest {

  @Inject DurableEmployment durable;

  @Test
  void franceCountsCdiAndCddOrTemporaryWorkOfSixMonthsOrMore() {
    assertThat(durable.test("FR", Situation.EMPLOYED, ContractType.CDI, null)).isTrue();
    assertThat(durable.test("FR", Situation.EMPLOYED, ContractType.CDD, 6)).isTrue();
    assertThat(durable.test("FR", Situation.EMPLOYED, ContractType.CDD, 5)).isFalse();
    assertThat(durable.test("FR", Situation.EMPLOYED, ContractType.TEMPORARY, 6)).isTrue();
    assertThat(durable.test("FR", Situation.EMPLOYED, ContractType.TEMPORARY, 3)).isFalse();
    assertThat(durable.test("FR", Situation.EMPLOYED, ContractType.INTERNSHIP, 12)).isFalse();
    assertThat(durable.test("FR", Situation.EMPLOYED, ContractType.FREELANCE, null)).isFalse();
    assertThat(durable.test("FR", Situation.WORK_STUDY, ContractType.APPRENTICESHIP, 24)).isFalse();
    assertThat(durable.test("FR", Situation.JOB_SEEKING, null, null)).isFalse();
  }

  @Test
  void moroccoCountsCdiAndCddOfSixMonthsOrMoreButNotTemporaryWork() {
    assertThat(durable.test("MA", Situation.EMPLOYED, ContractType.CDI, null)).isTrue();
    assertThat(durable.test("MA", Situation.EMPLOYED, ContractType.CDD, 6)).isTrue();
    assertThat(durable.test("MA", Situation.EMPLOYED, ContractType.CDD, 5)).isFalse();
    assertThat(durable.test("MA", Situation.EMPLOYED, ContractType.TEMPORARY, 12)).isFalse();
    assertThat(durable.test("MA", Situation.SELF_EMPLOYED, ContractType.FREELANCE, null)).isFalse();
  }

  @Test
  void aCountryWithoutARuleCountsNothing() {
    assertThat(durable.test("BE", Situation.EMPLOYED, ContractType.CDI, null)).isFalse();
  }
}
