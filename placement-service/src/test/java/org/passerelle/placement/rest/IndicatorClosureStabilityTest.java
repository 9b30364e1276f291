package org.passerelle.placement.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.BrokerEvents;
import org.passerelle.placement.Learner;
import org.passerelle.placement.api.IndicatorsView;
import org.passerelle.placement.api.LearnerFacts;
import org.passerelle.placement.service.IndicatorCalculator;
import org.passerelle.placement.service.IndicatorDefinitions;
import org.passerelle.placement.service.IndicatorFactsService;
import org.passerelle.placement.service.LearnerFactsService;
import org.passerelle.placement.testing.Announced;
import org.passerelle.placement.testing.ExportDictionaries;
import org.passerelle.placement.testing.IndicatorEvents;
import org.passerelle.placement.testing.IndicatorEvents.Attendance;
import org.passerelle.placement.testing.IndicatorEvents.Categories;
import org.passerelle.placement.testing.LearnerEvents;
import org.passerelle.placement.testing.LearnerEvents.Trainee;
import org.passerelle.placement.testing.Periods;

/**
 * A closed period does not move when a late event arrives, through the real broker and consumers:
 * its facts, its exports (and its figures) stay those of the closure until a correction freezes
 * them again as revision 2. The period is one no other test's cohorts fall in.
 */
@QuarkusTest
class IndicatorClosureStabilityTest {

  static final Categories WOMAN =
      new Categories("FEMALE", "18_25", "BAC", true, List.of("PRIORITY_NEIGHBOURHOOD"));

  @Inject IndicatorFactsService facts;
  @Inject LearnerFactsService live;
  @Inject IndicatorDefinitions definitions;

  /** Sends the records in order, then waits until each was applied. */
  static void sendAndAwait(List<ProducerRecord<String, byte[]>> records) {
    records.forEach(BrokerEvents::send);
    records.forEach(LearnerEvents::applied);
  }

  static List<Map<String, Object>> funderRows(LocalDate[] period) {
    List<Map<String, Object>> rows =
        Api.as("partner-fr")
            .queryParam("country", "FR")
            .queryParam("from", period[0].toString())
            .queryParam("to", period[1].toString())
            .get("/api/v1/indicators/exports/funder-report")
            .then()
            .statusCode(200)
            .extract()
            .path("rows");
    ExportDictionaries.checkJson(
        rows, IndicatorExportResourceTest.dictionary("partner-fr", "funder-report"));
    return rows;
  }

  /** The figures of the trainees' cohort for the period, as GET /api/v1/indicators gives them. */
  static io.restassured.path.json.JsonPath indicators(LocalDate[] period, UUID cohort) {
    return Api.as("country-admin-fr")
        .queryParam("from", period[0].toString())
        .queryParam("to", period[1].toString())
        .queryParam("groupBy", "cohort")
        .queryParam("cohortId", cohort.toString())
        .queryParam("indicator", "entrants", "completion-rate", "certification-rate")
        .get("/api/v1/indicators")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** What the calculator counts from these facts of the trainees, for the period by cohort. */
  List<IndicatorsView.Group> recomputed(List<LearnerFacts> learners, LocalDate[] period) {
    return new IndicatorCalculator(IndicatorCalculator.Context.of(5, learners))
        .groups(
            definitions.all(),
            IndicatorCalculator.GroupBy.COHORT,
            period[0],
            period[1],
            learners,
            List.of());
  }

  List<LearnerFacts> mine(List<LearnerFacts> all, List<Trainee> trainees) {
    Set<UUID> ids = Set.copyOf(trainees.stream().map(Trainee::learnerId).toList());
    return all.stream().filter(learner -> ids.contains(learner.learnerId())).toList();
  }

  @Test
  void aLateEventChangesNothingInAClosedPeriodUntilACorrection() {
    LocalDate[] period = Periods.unique();
    LocalDate start = period[0];
    LocalDate end = period[1];
    UUID cohort = UUID.randomUUID();
    List<Trainee> trainees = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      trainees.add(new Trainee(UUID.randomUUID(), cohort, "FR-SEVRAN"));
    }
    OffsetDateTime enrolled = start.minusDays(10).atTime(9, 0).atOffset(ZoneOffset.UTC);
    List<ProducerRecord<String, byte[]>> history = new ArrayList<>();
    history.add(
        IndicatorEvents.cohortScheduled(
            trainees.getFirst(), start, end, List.of(Announced.PARTNER_FR)));
    for (Trainee trainee : trainees) {
      history.add(LearnerEvents.learnerEnrolled(trainee, enrolled));
      history.add(IndicatorEvents.applicationEnrolled(trainee, enrolled, WOMAN));
    }
    sendAndAwait(history);

    String id = IndicatorClosureResourceTest.close("country-admin-fr", "FR", period);
    List<LearnerFacts> closed = mine(facts.of(Set.of("FR"), start, end).learners(), trainees);
    assertThat(closed).hasSize(6).allSatisfy(learner -> assertThat(learner.exitKind()).isNull());
    List<Map<String, Object>> before = funderRows(period);
    io.restassured.path.json.JsonPath figures = indicators(period, cohort);
    assertThat(figures.getInt("period.closures[0].revision")).isEqualTo(1);
    assertThat(figures.getString("period.closures[0].id")).isEqualTo(id);
    assertThat(figures.getLong("groups[0].figures.find { it.indicator == 'entrants' }.numerator"))
        .isEqualTo(6);
    assertThat(before)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("cohort_id")).isEqualTo(cohort.toString());
              assertThat(row.get("closure_revision")).isEqualTo(1);
            });

    // the jury's results arrive after the closure
    OffsetDateTime completed = end.atTime(15, 0).atOffset(ZoneOffset.UTC);
    sendAndAwait(
        trainees.stream()
            .map(
                trainee ->
                    IndicatorEvents.learnerCompleted(
                        trainee, completed, "CERTIFIED", List.of("BC01"), new Attendance(60, 55)))
            .toList());
    assertThat(mine(live.learners(Set.of("FR")), trainees))
        .hasSize(6)
        .allSatisfy(
            learner -> assertThat(learner.exitKind()).isEqualTo(Learner.ExitKind.COMPLETED));

    IndicatorFactsService.Facts read = facts.of(Set.of("FR"), start, end);
    assertThat(mine(read.learners(), trainees)).isEqualTo(closed);
    assertThat(read.closures())
        .singleElement()
        .satisfies(closure -> assertThat(closure.revision()).isEqualTo(1));
    assertThat(funderRows(period)).isEqualTo(before);
    io.restassured.path.json.JsonPath after = indicators(period, cohort);
    assertThat(after.getList("groups")).isEqualTo(figures.getList("groups"));
    assertThat(after.getList("period.closures")).isEqualTo(figures.getList("period.closures"));
    // a period that is not exactly the closed one is live
    assertThat(mine(facts.of(Set.of("FR"), start, end.plusDays(1)).learners(), trainees))
        .allSatisfy(
            learner -> assertThat(learner.exitKind()).isEqualTo(Learner.ExitKind.COMPLETED));

    // a correction freezes the live facts as revision 2
    Api.as("country-admin-fr")
        .body("{\"reason\": \"Résultats du jury reçus après la clôture\"}")
        .post(IndicatorClosureResourceTest.CLOSURES + "/" + id + "/corrections")
        .then()
        .statusCode(200)
        .body("revision", equalTo(2));
    IndicatorFactsService.Facts corrected = facts.of(Set.of("FR"), start, end);
    assertThat(mine(corrected.learners(), trainees))
        .hasSize(6)
        .allSatisfy(
            learner -> {
              assertThat(learner.exitKind()).isEqualTo(Learner.ExitKind.COMPLETED);
              assertThat(learner.certificationOutcome()).isEqualTo("CERTIFIED");
            });
    assertThat(corrected.closureRevision()).isEqualTo(2);
    io.restassured.path.json.JsonPath fixed = indicators(period, cohort);
    assertThat(fixed.getInt("period.closures[0].revision")).isEqualTo(2);
    assertThat(
            fixed.getLong("groups[0].figures.find { it.indicator == 'completion-rate' }.numerator"))
        .isEqualTo(6);
    assertThat(
            fixed.getLong(
                "groups[0].figures.find { it.indicator == 'completion-rate' }.denominator"))
        .isEqualTo(6);
    assertThat(fixed.getList("groups")).isNotEqualTo(figures.getList("groups"));
    // a recomputation from the live facts gives the corrected period's figures
    assertThat(recomputed(mine(live.learners(Set.of("FR")), trainees), period))
        .isEqualTo(recomputed(mine(corrected.learners(), trainees), period))
        .isNotEqualTo(recomputed(closed, period));
    assertThat(funderRows(period))
        .singleElement()
        .satisfies(row -> assertThat(row.get("closure_revision")).isEqualTo(2));
  }
}
