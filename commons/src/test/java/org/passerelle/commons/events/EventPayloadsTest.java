package org.passerelle.commons.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Nullable;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventPayloadsTest {

  enum Reason {
    FOUND_JOB,
    HEALTH
  }

  record LearnerLeft(UUID learnerId, Reason exitReason, @Nullable String note) {}

  private static final ConsumedEvent<LearnerLeft> LEFT =
      ConsumedEvent.of("cohort", "learner-withdrew", 1, LearnerLeft.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final EventPayloads payloads = new EventPayloads(JSON);

  @Test
  void declarationNamesTopicAndType() {
    assertThat(LEFT.topic()).isEqualTo("cohort.events");
    assertThat(LEFT.type()).isEqualTo("org.passerelle.cohort.learner-withdrew.v1");
    assertThatThrownBy(() -> ConsumedEvent.of("Cohort", "x", 1, LearnerLeft.class))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConsumedEvent.of("cohort", "x", 0, LearnerLeft.class))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bindsTheFieldsItNamesAndIgnoresOthers() throws Exception {
    UUID learner = UUID.randomUUID();
    LearnerLeft left =
        payloads.bind(
            LEFT,
            JSON.readTree(
                "{\"learnerId\":\"" + learner + "\",\"exitReason\":\"HEALTH\",\"added\":1}"));
    assertThat(left).isEqualTo(new LearnerLeft(learner, Reason.HEALTH, null));
  }

  @Test
  void refusesAMissingOrBlankRequiredFieldNamingIt() throws Exception {
    assertThatThrownBy(() -> payloads.bind(LEFT, JSON.readTree("{\"exitReason\":\"HEALTH\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("learner-withdrew v1 without learnerId");
    assertThatThrownBy(
            () ->
                payloads.bind(
                    LEFT,
                    JSON.readTree(
                        "{\"learnerId\":\"" + UUID.randomUUID() + "\",\"exitReason\":null}")))
        .hasMessage("learner-withdrew v1 without exitReason");
  }

  @Test
  void refusesMalformedValuesAndNonObjects() throws Exception {
    assertThatThrownBy(
            () ->
                payloads.bind(
                    LEFT, JSON.readTree("{\"learnerId\":\"nope\",\"exitReason\":\"HEALTH\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("learner-withdrew v1 does not bind");
    assertThatThrownBy(
            () ->
                payloads.bind(
                    LEFT,
                    JSON.readTree(
                        "{\"learnerId\":\"" + UUID.randomUUID() + "\",\"exitReason\":\"BORED\"}")))
        .hasMessageStartingWith("learner-withdrew v1 does not bind");
    assertThatThrownBy(() -> payloads.bind(LEFT, JSON.readTree("[1]")))
        .hasMessage("learner-withdrew v1: data is not a JSON object");
    assertThatThrownBy(() -> payloads.bind(LEFT, null))
        .hasMessage("learner-withdrew v1: data is not a JSON object");
  }
}
