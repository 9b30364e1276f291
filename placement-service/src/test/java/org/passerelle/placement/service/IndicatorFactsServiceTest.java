package org.passerelle.placement.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.placement.IndicatorClosureRevision;
import org.passerelle.placement.api.ApplicationFacts;
import org.passerelle.placement.api.LearnerFacts;
import org.passerelle.placement.testing.SampleFacts;

/**
 * What a closure freezes: every learner a period's figures may count, by any attribution, and their
 * facts read back exactly as written. Plain JUnit on hand-made facts.
 */
class IndicatorFactsServiceTest {

  static final LocalDate FROM = LocalDate.of(2025, 1, 1);
  static final LocalDate TO = LocalDate.of(2025, 12, 31);

  static LearnerFacts cohort(LocalDate start, LocalDate end) {
    return SampleFacts.learner("FR-SEVRAN", UUID.randomUUID(), start, end, null);
  }

  @Test
  void aClosureKeepsEveryLearnerThePeriodMayCount() {
    // started in the period (COHORT_START)
    assertThat(concerns(cohort(LocalDate.of(2025, 3, 1), LocalDate.of(2026, 2, 1)))).isTrue();
    // ended in the period (COHORT_END)
    assertThat(concerns(cohort(LocalDate.of(2024, 6, 1), LocalDate.of(2025, 2, 1)))).isTrue();
    // left the year before: measured 3, 6, 9 or 12 months after the exit, in the period
    LearnerFacts before =
        SampleFacts.completed(cohort(LocalDate.of(2023, 9, 1), LocalDate.of(2024, 4, 30)));
    assertThat(concerns(before)).isTrue();
    // still in training, dates of the cohort unknown: may count as unknown
    LearnerFacts unknown =
        SampleFacts.learner(
            "FR-SEVRAN", null, LocalDate.of(2030, 1, 1), LocalDate.of(2030, 6, 1), null);
    assertThat(IndicatorFactsService.concerns(withDates(unknown, null, null), FROM, TO)).isTrue();
  }

  @Test
  void aClosureLeavesOutLearnersNoAttributionPlacesInThePeriod() {
    // everything after the period
    assertThat(concerns(cohort(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 1)))).isFalse();
    // ended and left long before: no measurement after the exit reaches the period
    LearnerFacts old =
        SampleFacts.completed(cohort(LocalDate.of(2021, 1, 4), LocalDate.of(2021, 6, 30)));
    assertThat(concerns(old)).isFalse();
  }

  @Test
  void applicationsCountByTheirCohortsStartOrTheirSubmission() {
    ApplicationFacts in =
        SampleFacts.application("FR-SEVRAN", UUID.randomUUID(), LocalDate.of(2025, 3, 1));
    ApplicationFacts after =
        SampleFacts.application("FR-SEVRAN", UUID.randomUUID(), LocalDate.of(2026, 3, 1));
    assertThat(IndicatorFactsService.concerns(in, FROM, TO)).isTrue();
    assertThat(IndicatorFactsService.concerns(after, FROM, TO)).isFalse();
  }

  @Test
  void frozenFactsReadBackExactlyAsWritten() {
    ObjectMapper mapper =
        new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    IndicatorFactsService service = new IndicatorFactsService(null, null, null, mapper);
    UUID funder = UUID.randomUUID();
    List<LearnerFacts> learners =
        List.of(
            SampleFacts.completed(
                SampleFacts.learner(
                    "MA-FES",
                    UUID.randomUUID(),
                    LocalDate.of(2025, 1, 6),
                    LocalDate.of(2025, 6, 27),
                    funder)),
            SampleFacts.learner(
                "MA-FES",
                UUID.randomUUID(),
                LocalDate.of(2025, 9, 1),
                LocalDate.of(2026, 2, 27),
                null));
    List<ApplicationFacts> applications =
        List.of(SampleFacts.application("MA-FES", UUID.randomUUID(), LocalDate.of(2025, 9, 1)));
    IndicatorClosureRevision revision = new IndicatorClosureRevision();
    revision.learners = service.json(learners);
    revision.applications = service.json(applications);

    assertThat(service.learners(revision)).isEqualTo(learners);
    assertThat(service.applications(revision)).isEqualTo(applications);
    // a field added to the facts later does not make older frozen facts unreadable
    revision.learners = revision.learners.replaceFirst("\\{", "{\"addedLater\":1,");
    assertThat(service.learners(revision)).isEqualTo(learners);
  }

  private static boolean concerns(LearnerFacts facts) {
    return IndicatorFactsService.concerns(facts, FROM, TO);
  }

  private static LearnerFacts withDates(LearnerFacts facts, LocalDate start, LocalDate end) {
    return new LearnerFacts(
        facts.learnerId(),
        facts.country(),
        facts.siteCode(),
        facts.programmeCode(),
        facts.cohortId(),
        start,
        end,
        facts.funderPartnerIds(),
        facts.enrolledOn(),
        facts.withdrewBeforeStart(),
        facts.transferredIn(),
        facts.exitKind(),
        facts.exitDate(),
        facts.exitReason(),
        facts.certificationOutcome(),
        facts.certificationBlocks(),
        facts.sessionDays(),
        facts.attendedDays(),
        facts.gender(),
        facts.ageBand(),
        facts.educationLevel(),
        facts.jobSeeker(),
        facts.priorityPublics(),
        facts.erased(),
        facts.followUps(),
        facts.placements());
  }
}
