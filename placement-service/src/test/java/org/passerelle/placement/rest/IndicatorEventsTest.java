package org.passerelle.placement.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.BrokerEvents;
import org.passerelle.placement.testing.Announced;
import org.passerelle.placement.testing.IndicatorEvents;
import org.passerelle.placement.testing.IndicatorEvents.Attendance;
import org.passerelle.placement.testing.IndicatorEvents.Categories;
import org.passerelle.placement.testing.LearnerEvents;
import org.passerelle.placement.testing.LearnerEvents.Trainee;

/**
 * GET /api/v1/indicators on a small history published as the other services' real events through
 * the broker: one fresh cohort at FR-SEVRAN funded by partner-fr's organisation, where seven
 * learners completed (five certified, two partially), one withdrew after the start for a job and
 * one before it. Each figure is read back as the API answers it, suppression included.
 */
@QuarkusTest
class IndicatorEventsTest {

  static final LocalDate START = LocalDate.parse("2025-09-01");
  static final LocalDate END = LocalDate.parse("2026-03-31");
  static final OffsetDateTime ENROLLED = OffsetDateTime.parse("2025-07-10T09:00:00Z");
  static final OffsetDateTime COMPLETED = OffsetDateTime.parse("2026-03-31T15:00:00Z");
  static final Categories WOMAN =
      new Categories("FEMALE", "18_25", "BELOW_BAC", true, List.of("NEET_UNDER_26"));
  static final Categories MAN = new Categories("MALE", "26_34", "BAC_PLUS_2", false, List.of());

  static JsonPath figure(JsonPath answer, String indicator, String category) {
    String path =
        "groups[0].figures.find { it.indicator == '%s' && it.category == %s }"
            .formatted(indicator, category == null ? "null" : "'" + category + "'");
    return new JsonPath(answer.prettify()).setRootPath(path);
  }

  @Test
  void theFiguresOfAHistoryPublishedAsEvents() {
    UUID cohort = UUID.randomUUID();
    List<UUID> funders = List.of(Announced.PARTNER_FR);
    List<Trainee> trainees = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      trainees.add(new Trainee(UUID.randomUUID(), cohort, "FR-SEVRAN"));
    }
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    records.add(IndicatorEvents.cohortScheduled(trainees.getFirst(), START, END, funders));
    for (int i = 0; i < trainees.size(); i++) {
      Trainee trainee = trainees.get(i);
      records.add(LearnerEvents.learnerEnrolled(trainee, ENROLLED));
      // trainees 0-4 are women (registered job seekers), 5-8 men
      records.add(IndicatorEvents.applicationEnrolled(trainee, ENROLLED, i < 5 ? WOMAN : MAN));
      UUID application = UUID.randomUUID();
      records.add(
          IndicatorEvents.applicationSubmitted(application, trainee, ENROLLED.minusDays(30)));
      if (i < 6) {
        records.add(
            IndicatorEvents.applicationAccepted(application, trainee, ENROLLED.minusDays(5)));
      }
    }
    for (int i = 0; i < 7; i++) {
      records.add(
          IndicatorEvents.learnerCompleted(
              trainees.get(i),
              COMPLETED,
              i < 5 ? "CERTIFIED" : "PARTIALLY_CERTIFIED",
              i < 5 ? List.of("BC01", "BC02") : List.of("BC01"),
              new Attendance(100, 90)));
    }
    records.add(
        IndicatorEvents.learnerWithdrew(
            trainees.get(7),
            OffsetDateTime.parse("2025-11-03T09:00:00Z"),
            "FOUND_JOB",
            false,
            new Attendance(40, 30)));
    records.add(
        IndicatorEvents.learnerWithdrew(
            trainees.get(8), OffsetDateTime.parse("2025-08-20T09:00:00Z"), "FAMILY", true, null));
    records.forEach(BrokerEvents::send);
    records.forEach(LearnerEvents::applied);

    String query =
        "/api/v1/indicators?from=%s&to=%s&groupBy=cohort&cohortId=%s".formatted(START, END, cohort);
    JsonPath answer =
        Api.as("country-admin-fr")
            .get(query)
            .then()
            .statusCode(200)
            .body("groups", hasSize(1))
            .body("groups[0].key.cohortId", equalTo(cohort.toString()))
            .body("groups[0].key.country", nullValue())
            .body("suppression.minCell", equalTo(5))
            .extract()
            .jsonPath();

    // nine applications, six accepted, to a cohort starting in the period
    assertFigure(figure(answer, "applications", null), 9, null, null);
    assertFigure(figure(answer, "accepted-applications", null), 6, null, null);
    // eight entrants: trainee 8 withdrew before the start
    assertFigure(figure(answer, "entrants", null), 8, null, null);
    // seven of eight completed; the one dropout is a cell of one: suppressed
    assertFigure(figure(answer, "completion-rate", null), 7, 8, 0.875f);
    assertSuppressed(figure(answer, "dropout-rate", null));
    assertSuppressed(figure(answer, "dropout-rate", "FOUND_JOB"));
    // seven presented, five certified, two partially (suppressed)
    assertFigure(figure(answer, "certification-presented-rate", null), 7, 8, 0.875f);
    assertFigure(figure(answer, "certification-rate", null), 5, 7, 0.7143f);
    assertSuppressed(figure(answer, "partial-certification-rate", null));
    assertFigure(figure(answer, "block-certification-rate", "BC01"), 7, 7, 1f);
    assertFigure(figure(answer, "block-certification-rate", "BC02"), 5, 7, 0.7143f);
    // 7 x 90 + 30 days attended of 7 x 100 + 40
    assertFigure(figure(answer, "attendance-rate", null), 660, 740, 0.8919f);
    // of the eight entrants (trainee 8, a man, is not one), five women and job seekers
    assertFigure(figure(answer, "women-share", null), 5, 8, 0.625f);
    JsonPath women = figure(answer, "women-share", null);
    assertThat(women.getFloat("threshold.min")).isEqualTo(0.3f);
    assertThat(women.getBoolean("threshold.met")).isTrue();
    assertFigure(figure(answer, "job-seeker-share", null), 5, 8, 0.625f);

    // partner-fr's organisation funds the cohort; partner-ma's does not; other sites' staff
    Api.as("partner-fr")
        .get(query)
        .then()
        .statusCode(200)
        .body("groups", hasSize(1))
        .body("groups[0].figures.find { it.indicator == 'entrants' }.numerator", equalTo(8));
    Api.as("partner-fr")
        .get(query.replace("groupBy=cohort", "groupBy=funder"))
        .then()
        .statusCode(200)
        .body("groups.key.funderPartnerId", containsInAnyOrder(Announced.PARTNER_FR.toString()));
    Api.as("partner-ma").get(query).then().statusCode(200).body("groups", hasSize(0));
    Api.as("site-staff-ma").get(query).then().statusCode(200).body("groups", hasSize(0));
    Api.as("site-staff-fr").get(query).then().statusCode(200).body("groups", hasSize(1));

    // which learners the completion rate counts
    List<String> completed =
        trainees.subList(0, 7).stream().map(trainee -> trainee.learnerId().toString()).toList();
    Api.as("site-staff-fr")
        .get(
            "/api/v1/indicators/completion-rate/learners?from=%s&to=%s&cohortId=%s"
                .formatted(START, END, cohort))
        .then()
        .statusCode(200)
        .body("numerator", containsInAnyOrder(completed.toArray()))
        .body("denominator", hasSize(8))
        .body("unknown", hasSize(0));
  }

  static void assertFigure(JsonPath figure, long numerator, Integer denominator, Float value) {
    assertThat(figure.getBoolean("suppressed")).isFalse();
    assertThat(figure.getLong("numerator")).isEqualTo(numerator);
    if (denominator == null) {
      assertThat(figure.getString("denominator")).isNull();
      assertThat(figure.getString("value")).isNull();
    } else {
      assertThat(figure.getInt("denominator")).isEqualTo(denominator);
      assertThat(figure.getFloat("value")).isEqualTo(value);
    }
    assertThat(figure.getInt("definitionVersion")).isEqualTo(1);
  }

  static void assertSuppressed(JsonPath figure) {
    assertThat(figure.getBoolean("suppressed")).isTrue();
    assertThat(figure.getString("numerator")).isNull();
    assertThat(figure.getString("value")).isNull();
  }
}
